package org.sinkcheck.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sinkcheck.kit.AdapterLoadException;
import org.sinkcheck.kit.SinkAdapter;
import org.sinkcheck.mutants.BaseSink;
import org.sinkcheck.mutants.Mutants;
import org.sinkcheck.mutants.Mutants.Mutant;
import org.sinkcheck.rules.Rule;

/**
 * The soak has teeth: a short soak of each of the kit's mutants reports violations of the rule the
 * mutant breaks, and of the correct fixture they are mutated from, none. Where the soak observes a
 * mutant's bug through a consequence that another rule names, that rule is expected, with the reason.
 * Three mutants are left to the tests that can see them, also with the reason.
 */
class SoakCatchesMutantsTest {
    private static final Duration SHORT = Duration.ofMillis(1500);
    /** Bugs that only a race shows get longer. */
    private static final Duration RACY = Duration.ofSeconds(4);

    /** Mutants whose bug the soak sees as another rule's violation. */
    private static final Map<String, Rule> SEEN_AS = Map.of(
            // the lost call is missed by the cancels after it; the race-free drain cancel may not see it lost
            "SC06_BeginRacingCancelLosesCall", Rule.SC01,
            "SC06_FirstObjectUnlinksCall", Rule.SC01,
            // the calls after the throwing one never hear their final: the cancel missed them
            "SC15_ThrowingListenerStopsSweep", Rule.SC01);

    /** Mutants the soak is not the test for. */
    private static final Map<String, String> ELSEWHERE = Map.of(
            "SC09_CallbacksOfOneCallOverlap", "needs two provider threads on one call: the stress tier",
            "SC11_CancelBlocksOnSlowListener", "a slow cancel is no violation the soak sees: NoDeadlock",
            "SC13_FinishedCallsRetained", "retention is invisible to events and pendingCalls here: Leaks");

    static Stream<Mutant> soakable() {
        return Mutants.ALL.stream().filter(m -> !ELSEWHERE.containsKey(m.name()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("soakable")
    void soakOfAMutant_reportsTheRuleItBreaks(Mutant mutant) throws AdapterLoadException {
        Rule expected = SEEN_AS.getOrDefault(mutant.name(), mutant.rule());
        SoakTotals totals = shortSoak(Soak.Options.defaults().adapter(mutant.adapterClassName()).adapter(),
                mutant.concurrencyOnly() ? RACY : SHORT);
        assertTrue(totals.violationsByRule().getOrDefault(expected, 0L) > 0,
                "a soak of " + mutant.name() + " (" + mutant.pattern() + ") must report " + expected + ":\n" + totals.summary());
    }

    @Test
    void soakOfTheMutantsCorrectFixture_isClean() {
        SoakTotals totals = shortSoak(new BaseSink.Adapter(), SHORT);
        assertEquals(0, totals.violations(), totals.summary());
    }

    /** A short soak, printing one line rather than the full summary: the assertion message has that. */
    private static SoakTotals shortSoak(SinkAdapter<?, ?> adapter, Duration length) {
        SoakTotals totals = Soak.run(Soak.Options.defaults().adapter(adapter).duration(length).progress(null));
        System.out.printf("soak of %s: %,d calls, %,d events, violations %s%n", adapter.name(), totals.calls(), totals.events(), totals.violationsLine());
        return totals;
    }
}
