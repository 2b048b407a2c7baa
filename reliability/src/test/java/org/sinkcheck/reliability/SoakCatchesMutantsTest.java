package org.sinkcheck.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sinkcheck.kit.AdapterLoadException;
import org.sinkcheck.kit.SinkAdapter;
import org.sinkcheck.kit.Adapters;
import org.sinkcheck.mutants.Controls;
import org.sinkcheck.mutants.Controls.Control;
import org.sinkcheck.mutants.Mutants;
import org.sinkcheck.mutants.Mutants.Mutant;
import org.sinkcheck.mutants.kills.KillRecords;
import org.sinkcheck.mutants.kills.Tier;
import org.sinkcheck.rules.Rule;

/**
 * The soak has teeth: a short soak of each of the kit's mutants reports violations of the rule the
 * mutant breaks, and of the correct fixture they are mutated from, none. Where the soak observes a
 * mutant's bug through a consequence that another rule names, that rule is expected, with the reason.
 * Mutants the soak cannot see are left to the tests that can, also with the reason.
 *
 * <p>{@code SC04_CancelReturnsBeforeItsSweep} calls back on its own executor and its cancel returns before
 * deciding anything: the soak settles such a sink before judging a cancel's finals, yet judges at once that
 * a signal sent after a cancel returned is refused (SC-04's window), which is what catches it; its correct
 * base {@code ExecutorSink} must pass.
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
            "SC06_RegistryGrowthDropsACall", Rule.SC01,
            "SC06_SecondBeginDuringCloseLost", Rule.SC01,
            // the calls after the throwing one never hear their final: the cancel missed them
            "SC15_ThrowingListenerStopsSweep", Rule.SC01);

    /** Mutants the soak is not the test for. */
    private static final Map<String, String> ELSEWHERE = Map.of(
            "SC09_CallbacksOfOneCallOverlap", "needs two provider threads on one call: the stress tier",
            "SC11_CancelBlocksOnSlowListener", "a slow cancel is no violation the soak sees: NoDeadlock",
            "SC13_FinishedCallsRetained", "retention is invisible to events and pendingCalls here: Leaks",
            "SC13_FinishedContextsKeptInASideMap", "its count is right and its events too: the kit's reachability check",
            "SC02_CancelSpreadsThroughASharedListener", "every soak sink has a listener of its own: the kit's walks with shared listeners",
            "SC06_CallsKeyedByTheirContext", "the soak's contexts are its calls, unequal by equals: the kit's equal contexts",
            "SC06_CallsKeyedByIdentityOfContext", "the soak gives every call a context object of its own: the kit's duplicate contexts",
            "SC13_FreedOnlyOnTheThreadThatBegan", "what it keeps stays only until the next cancel of its sink, and the soak counts"
                    + " references after its drain cancelled every sink: Lincheck's cross-thread scenarios");

    static Stream<Mutant> soakable() {
        return Mutants.ALL.stream().filter(m -> !ELSEWHERE.containsKey(m.name()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("soakable")
    void soakOfAMutant_reportsTheRuleItBreaks(Mutant mutant) throws AdapterLoadException {
        Rule expected = SEEN_AS.getOrDefault(mutant.name(), mutant.rule());
        Duration length = mutant.concurrencyOnly() ? RACY : SHORT;
        SoakTotals totals = shortSoak(Soak.Options.defaults().adapter(mutant.adapterClassName()).adapter(), length);
        record(mutant.name(), totals, length);
        assertTrue(totals.violationsByRule().getOrDefault(expected, 0L) > 0,
                "a soak of " + mutant.name() + " (" + mutant.pattern() + ") must report " + expected + ":\n" + totals.summary());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("controls")
    void SC01_to_SC16_soakOfEveryCorrectControl_isClean(Control control) throws AdapterLoadException {
        SoakTotals totals = shortSoak(Adapters.load(control.adapterClassName(), getClass().getClassLoader()), SHORT);
        record(control.name(), totals, SHORT);
        assertEquals(0, totals.violations(), () -> control.name() + " (" + control.design() + "):\n" + totals.summary());
    }

    /**
     * Every control, the one calling back on its own executor ({@code ExecutorSink}) included: the soak
     * settles a sink before it judges a cancel's finals, so finals that follow cancel() on the sink's own
     * thread are no finding.
     */
    static Stream<Control> controls() { return Controls.ALL.stream(); }

    /** The rules the soak reported broken, for the kill-rate table. */
    private static void record(String subject, SoakTotals totals, Duration length) {
        List<Rule> broken = totals.violationsByRule().entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList();
        KillRecords.inBuild().ran(Tier.SOAK, SoakCatchesMutantsTest.class, subject, broken, "a soak of " + length.toMillis() + " ms");
    }

    /** The sinks this test leaves to other tests, with the reason, for the kill-rate table. */
    @AfterAll
    static void recordWhatTheSoakDoesNotRun() {
        ELSEWHERE.forEach((mutant, why) -> KillRecords.inBuild().notRun(Tier.SOAK, SoakCatchesMutantsTest.class, mutant, why));
    }

    /** A short soak, printing one line rather than the full summary: the assertion message has that. */
    private static SoakTotals shortSoak(SinkAdapter<?, ?> adapter, Duration length) {
        SoakTotals totals = Soak.run(Soak.Options.defaults().adapter(adapter).duration(length).progress(null));
        System.out.printf("soak of %s: %,d calls, %,d events, violations %s%n", adapter.name(), totals.calls(), totals.events(), totals.violationsLine());
        return totals;
    }
}
