package org.sinkcheck.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sinkcheck.kit.AdapterLoadException;
import org.sinkcheck.kit.Adapters;
import org.sinkcheck.kit.SinkAdapter;
import org.sinkcheck.reference.adapter.ReferenceSinkAdapter;
import org.sinkcheck.mutants.SC02_StaticRegistryCancelsNeighbours;
import org.sinkcheck.mutants.SC04_ProgressAfterCancel;
import org.sinkcheck.mutants.SC06_FirstObjectUnlinksCall;
import org.sinkcheck.mutants.SC07_RepeatCancelResendsFinals;
import org.sinkcheck.mutants.SC12_ProviderNeverTold;
import org.sinkcheck.mutants.SC13_FinishedCallsRetained;
import org.sinkcheck.mutants.SC16_CancelInCallbackIgnored;

/**
 * The arbiter has teeth: each race's steps, played one after the other on one thread, grade to the
 * race's story on the reference sink and to the broken rule on a mutant that breaks it even without
 * concurrency. (The concurrency-only mutants are for jcstress: {@link StressRunnerTest}.)
 */
class EndStateTest {

    /** Sinks: A (and B); calls a1 (and a2) pending on A, b1 pending on B, later call a3 on A. */
    record Stage(Race race, RaceCall a1, RaceCall a2, RaceCall b1, RaceCall a3) {
        static Stage on(SinkAdapter<Object, Object> adapter) {
            Race race = new Race(adapter, 2);
            return new Stage(race, race.pendingCall("a1", 0), race.pendingCall("a2", 0), race.pendingCall("b1", 1), race.laterCall("a3", 0));
        }
    }

    static Stream<Arguments> scenarios() {
        return Stream.of(
                scenario(SC02_StaticRegistryCancelsNeighbours.class, "SC-02", s -> s.race().cancel(0)),
                scenario(SC04_ProgressAfterCancel.class, "SC-04", s -> {
                    s.race().cancel(0);
                    s.race().progress(s.a1());
                }),
                scenario(SC06_FirstObjectUnlinksCall.class, "SC-06", s -> s.race().deliver(s.a1())),
                scenario(SC07_RepeatCancelResendsFinals.class, "SC-07", s -> {
                    s.race().cancel(0);
                    s.race().cancel(0);
                }),
                scenario(SC12_ProviderNeverTold.class, "SC-12", s -> s.race().cancel(0)),
                scenario(SC13_FinishedCallsRetained.class, "SC-13", s -> s.race().complete(s.a1())),
                scenario(SC16_CancelInCallbackIgnored.class, "SC-16", s -> {
                    s.race().cancelFromInsideObjectCallbackOf(s.a1());
                    s.race().deliver(s.a1());
                }));
    }

    private static Arguments scenario(Class<?> mutant, String rule, Consumer<Stage> steps) {
        return Arguments.of(mutant.getSimpleName(), rule, steps);
    }

    @ParameterizedTest(name = "{0} graded {1}")
    @MethodSource("scenarios")
    void referenceSinkGradesToTheStoryAndTheMutantToItsRule(String mutant, String rule, Consumer<Stage> steps) throws AdapterLoadException {
        Stage reference = Stage.on(load(ReferenceSinkAdapter.class.getName()));
        steps.accept(reference);
        assertEquals("", violation(reference.race().endState()), "the reference sink broke a rule");

        Stage broken = Stage.on(load("org.sinkcheck.mutants." + mutant + "$Adapter"));
        steps.accept(broken);
        assertEquals(rule, violation(broken.race().endState()), "what the arbiter said of " + mutant);
    }

    /** The rule id an outcome names, or "" for a story. */
    private static String violation(String outcome) {
        return outcome.matches("SC-\\d\\d:.*") ? outcome.substring(0, 5) : "";
    }

    @SuppressWarnings("unchecked")
    private static SinkAdapter<Object, Object> load(String className) throws AdapterLoadException {
        return (SinkAdapter<Object, Object>) Adapters.load(className, EndStateTest.class.getClassLoader());
    }
}
