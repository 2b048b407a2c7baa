package org.sinkcheck.algo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sinkcheck.spec.Rule;
import org.sinkcheck.tlc.Tlc;
import org.sinkcheck.tlc.TlcResult;
import org.sinkcheck.tlc.TlcRun;

/**
 * The algorithm's checks have teeth: each plausible wrong variant in spec/tla/broken/algo (one action
 * of CancelAllAlgo replaced) fails TLC at the CI bounds, naming the rule it breaks, with a
 * counterexample of numbered steps printed to the build log.
 */
@Timeout(120)
class BrokenAlgoSpecsTest {

    private static void caught(String variant, Rule rule, String operator) {
        TlcResult result = Tlc.check(TlcRun.of("broken/algo/" + variant, "CancelAllAlgo.cfg")
                .withSpecification("BrokenSpec"));
        System.out.println(result.report());
        assertFalse(result.passed(), () -> variant + " passed TLC:\n" + result.log());
        assertEquals(Optional.of(operator), result.violatedName(), result::report);
        assertEquals(Optional.of(rule), result.violatedRule());
        assertTrue(result.readableCounterexample().startsWith("1. "), result::report);
    }

    @Test
    void SC06_beginThatDoesNotRecheckAfterPublishingLosesItsCall() {
        caught("CancelAllAlgoNoRecheck", Rule.SC06, "SC06_NoLostCall");
    }

    @Test
    void SC06_cancelThatMarksBeforeClosingTheRegistryLosesACall() {
        caught("CancelAllAlgoMarkBeforeClose", Rule.SC06, "SC06_NoLostCall");
    }

    @Test
    void SC06_sweepThatSkipsACallInItsCallbackLeavesItPendingForEver() {
        caught("CancelAllAlgoSweepSkipsBusy", Rule.SC06, "SC06_NoLostCall");
    }

    @Test
    void SC09_sweepThatEndsACallInItsCallbackRunsOnCancelledAlongsideIt() {
        caught("CancelAllAlgoSweepInterruptsCallback", Rule.SC09, "SC09_SerialCallbacks");
    }

    @Test
    void SC05_completeWithAPlainWriteInsteadOfACasOverwritesACancel() {
        caught("CancelAllAlgoPlainComplete", Rule.SC05, "SC05_FinalIsForever");
    }

    @Test
    void SC04_signalThatDoesNotRecheckAfterItsClaimDeliversAfterCancel() {
        caught("CancelAllAlgoNoCheckAfterClaim", Rule.SC04, "SC04_SilentAfterCancel");
    }
}
