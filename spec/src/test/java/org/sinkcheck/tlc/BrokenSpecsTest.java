package org.sinkcheck.tlc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.sinkcheck.spec.Rule;
import org.sinkcheck.tlc.TlcResult.Kind;

/**
 * The CI configurations have teeth: every deliberately broken spec in {@code spec/tla/broken} (the
 * abstract spec) and {@code spec/tla/broken/algo} (the algorithm) fails TLC at the CI bounds with the
 * rule it breaks and a counterexample of numbered steps, and the build prints one kill table of them
 * all (variant, configuration, what TLC names, steps). Each variant's module says what it breaks and
 * why the rules before it could not see it.
 */
@Timeout(300)
@Execution(ExecutionMode.CONCURRENT)   // one TLC child JVM per test; two at a time keep both cores busy
class BrokenSpecsTest {
    private static final List<String> TABLE = new ArrayList<>();

    /** Runs {@code variant} with {@code config} and {@code specification}, and adds its row to the kill table. */
    private static TlcResult kill(String variant, String config, String specification) {
        String folder = variant.startsWith("CancelAllAlgo") ? "broken/algo/" : "broken/";
        TlcResult result = Tlc.check(TlcRun.of(folder + variant, config).withSpecification(specification));
        System.out.println(result.report());
        assertFalse(result.passed(), () -> variant + " passed TLC:\n" + result.log());
        long steps = result.readableSteps().stream().filter(l -> l.matches("\\d+\\. .*")).count();
        String named = result.kind() == Kind.COUNTS_CHANGED
                ? "state counts: " + result.generatedStates() + " generated, not " + result.expected().orElseThrow().generated()
                : result.kind().words() + " " + result.violatedName().orElse("?");
        synchronized (TABLE) {
            TABLE.add(String.format(Locale.ROOT, "| %-38s | %-26s | %-7s | %-62s | %5s |", variant, config,
                    result.violatedRule().map(Rule::id).orElse("-"), named, steps == 0 ? "-" : Long.toString(steps)));
        }
        return result;
    }

    private static TlcResult caught(String variant, String config, Rule rule, String operator) {
        TlcResult result = kill(variant, config, "BrokenSpec");
        assertEquals(Optional.of(operator), result.violatedName(), result::report);
        assertEquals(Optional.of(rule), result.violatedRule(), result::report);
        assertTrue(result.readableCounterexample().startsWith("1. "), result::report);
        return result;
    }

    @AfterAll
    static void printTheKillTable() {
        List<String> rows = new ArrayList<>(TABLE);
        rows.sort(null);
        System.out.println("Kill table: " + rows.size() + " broken variants of spec/tla, every one caught at the CI bounds\n"
                + String.format(Locale.ROOT, "| %-38s | %-26s | %-7s | %-62s | %5s |", "variant", "configuration", "rule", "TLC names", "steps")
                + "\n" + String.join("\n", rows));
    }

    /** Step i of the counterexample contains every fragment of {@code expected.get(i)}. */
    private static void assertSteps(TlcResult result, List<List<String>> expected) {
        List<String> steps = result.readableSteps();
        assertEquals(expected.size(), steps.size(), result::readableCounterexample);
        for (int i = 0; i < steps.size(); i++) {
            for (String fragment : expected.get(i)) {
                String step = steps.get(i);
                assertTrue(step.contains(fragment), () -> "'" + fragment + "' in\n" + step);
            }
        }
    }

    // ---- the abstract spec, CancelAll.cfg ----

    @Test
    void SC02_cancelOverASharedRegistryEndsAnotherSinksCall() {
        TlcResult result = caught("CancelAllTouchesNeighbour", "CancelAll.cfg", Rule.SC02, "SC02_NeverOthers");
        assertEquals(13, result.exitCode());
        assertSteps(result, List.of(
                List.of("1. begin c1 on s1"),
                List.of("2. CancelTouchingNeighbour: ", "status[c1]: \"pending\" -> \"cancelled\"",
                        "heard[s1][c1] += \"cancelled\"", "cancels[s2]: 0 -> 1")));
    }

    @Test
    void SC02_cancelOfAnIdleSinkThatEndsTheNeighboursCallsIsJudgedByTheSinkItCancels() {
        TlcResult result = caught("CancelAllIdleCancelEndsNeighbour", "CancelAll.cfg", Rule.SC02, "SC02_NeverOthers");
        assertSteps(result, List.of(
                List.of("1. begin c1 on s"),
                List.of("2. CancelFallingThrough: ", "status[c1]: \"pending\" -> \"cancelled\"", "cancels[s")));
    }

    @Test
    void SC13_completeThatKeepsTheCallRegisteredIsALeak() {
        TlcResult result = caught("CancelAllCompleteRetains", "CancelAll.cfg", Rule.SC13, "SC13_NoRetention");
        assertEquals(12, result.exitCode());
        assertSteps(result, List.of(
                List.of("1. begin c1 on s1"),
                List.of("2. CompleteRetaining: ", "status[c1]: \"pending\" -> \"completed\"", "heard[s1][c1] += \"completed\"")));
        assertFalse(result.readableSteps().get(1).contains("registry"), "the broken step leaves the registry alone");
    }

    @Test
    void SC15_aThrowingListenerThatCancelsItsWholeSinkHarmsTheOtherCalls() {
        caught("CancelAllThrowCancelsSink", "CancelAll.cfg", Rule.SC15, "SC15_OwnCallOnly");
    }

    @Test
    void SC10_cancelThatWaitsForSilentProvidersNeverEndsASubscription() {
        TlcResult result = caught("CancelAllCancelWaits", "CancelAll.cfg", Rule.SC10, "SC10_EveryCallEnds");
        // TLC finds liveness violations in whichever strongly connected component it checks first, so
        // which calls the trace begins varies; what it must show is calls begun and then nothing forever.
        String steps = result.readableCounterexample();
        assertTrue(steps.endsWith("then nothing happens any more, forever (stuttering)"), steps);
    }

    @Test
    void SC16_aSpecWithoutCancelFromACallbackChangesTheExactStateCounts() {
        TlcResult result = kill("CancelAllNoCancelInCallback", "CancelAll.cfg", "BrokenSpec");
        assertEquals(Kind.COUNTS_CHANGED, result.kind(), result::report);
        // the same states (a callback's cancel only shortcuts a deliver and a cancel) but fewer transitions
        assertTrue(result.generatedStates() < result.expected().orElseThrow().generated(), result::report);
        assertTrue(result.summaryLine().contains("A changed count is a changed spec"), result::summaryLine);
    }

    // ---- the algorithm, CancelAllAlgo*.cfg ----

    @Test
    void SC06_beginThatDoesNotRecheckAfterPublishingLosesItsCall() {
        caught("CancelAllAlgoNoRecheck", "CancelAllAlgo.cfg", Rule.SC06, "SC06_NoLostCall");
    }

    @Test
    void SC13_cancelThatMarksBeforeClosingTheRegistryEndsCallsTheOpenRegistryStillHolds() {
        caught("CancelAllAlgoMarkBeforeClose", "CancelAllAlgo.cfg", Rule.SC13, "SC13_NoRetention");
    }

    @Test
    void SC06_sweepThatSkipsACallInItsCallbackLeavesItPendingForEver() {
        caught("CancelAllAlgoSweepSkipsBusy", "CancelAllAlgo.cfg", Rule.SC06, "SC06_NoLostCall");
    }

    @Test
    void SC09_sweepThatEndsACallInItsCallbackRunsOnCancelledAlongsideIt() {
        caught("CancelAllAlgoSweepInterruptsCallback", "CancelAllAlgo.cfg", Rule.SC09, "SC09_SerialCallbacks");
    }

    @Test
    void SC12_completeWithAPlainWriteInsteadOfACasTellsTheProviderCancelledOfACallThatCompletes() {
        caught("CancelAllAlgoPlainComplete", "CancelAllAlgo.cfg", Rule.SC12, "SC12_ProviderTold");
    }

    @Test
    void SC04_signalThatDoesNotRecheckAfterItsClaimDeliversAfterCancel() {
        caught("CancelAllAlgoNoCheckAfterClaim", "CancelAllAlgo.cfg", Rule.SC04, "SC04_SilentAfterCancel");
    }

    @Test
    void SC13_finalSentBeforeTheCallIsUnlinkedIsRetainedWhileTheListenerRuns() {
        caught("CancelAllAlgoSendBeforeUnlink", "CancelAllAlgo.cfg", Rule.SC13, "SC13_NoRetention");
    }

    @Test
    void SC15_aThrowingListenerThatMakesTheSinkCancelItselfHarmsTheOtherCalls() {
        caught("CancelAllAlgoThrowCancelsSink", "CancelAllAlgo.cfg", Rule.SC15, "SC15_OwnCallOnly");
    }

    @Test
    void SC02_sinksThatNumberTheirGenerationsAlikeSweepEachOthersCalls() {
        caught("CancelAllAlgoSharedGeneration", "CancelAllAlgoSinks.cfg", Rule.SC02, "SC02_NeverOthers");
    }

    @Test
    void SC11_aSweepThatWaitsForARunningCallbackDeadlocksWithAListenerThatWaitsForTheCancel() {
        TlcResult result = kill("CancelAllAlgoSweepWaitsForCallback", "CancelAllAlgoWaits.cfg", "BrokenSpec");
        assertEquals(Kind.DEADLOCK, result.kind(), result::report);
        assertEquals(Optional.of(Rule.SC11), result.violatedRule());
        assertTrue(result.readableCounterexample().startsWith("1. "), result::report);
    }

    @Test
    void refinement_aSwallowedListenerErrorFailsAbstractSafetyWithANumberedCounterexample() {
        TlcResult result = kill("CancelAllAlgoThrowUnreported", "CancelAllAlgo.cfg", "BrokenSpec");
        assertEquals(Kind.ACTION_PROPERTY, result.kind(), result::report);
        assertEquals(Optional.of("AbstractSafety"), result.violatedName(), result::report);
        assertTrue(result.readableCounterexample().startsWith("1. "), result::report);
        assertTrue(result.summaryLine().contains("(AbstractSafety), counterexample of "), result::summaryLine);
    }

    @Test
    void refinement_theSameWithFairnessFailsRefinementNotSC10() {
        TlcResult result = kill("CancelAllAlgoThrowUnreported", "CancelAllAlgoLive.cfg", "BrokenLiveSpec");
        assertEquals(Optional.of("Refinement"), result.violatedName(), result::report);
        assertEquals(Optional.empty(), result.violatedRule(), "the refinement is no single rule");
        assertTrue(result.readableCounterexample().startsWith("1. "), result::report);
    }

    @Test
    void SC10_withoutTheClientsFairnessBothLivenessPropertiesFailAndBothAreNamed() {
        TlcResult result = kill("CancelAllAlgoClientNeverCancels", "CancelAllAlgoLive.cfg", "BrokenLiveSpec");
        assertEquals(Kind.TEMPORAL_PROPERTY, result.kind(), result::report);
        assertEquals(Optional.of("Refinement and SC10_EveryCallEnds"), result.violatedName(), result::report);
        assertEquals(Optional.of(Rule.SC10), result.violatedRule());
        assertTrue(result.readableCounterexample().startsWith("1. "), result::report);
    }
}
