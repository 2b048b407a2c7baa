package org.sinkcheck.algo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sinkcheck.tlc.Tlc;
import org.sinkcheck.tlc.TlcResult;
import org.sinkcheck.tlc.TlcRun;

/**
 * TLC model-checks the lock-free algorithm (CancelAllAlgo.tla) at the CI bounds inside
 * {@code mvn verify}: every algorithm-level rule and the refinement of the abstract spec as a safety
 * property (three threads, two signals per call; and two sinks), {@code Abstract!Spec} with its
 * fairness and SC-10's liveness, and the deadlock check with listeners that wait for a running cancel
 * (SC-11). Each run explores exactly the graph its configuration's {@code \* expect:} line states.
 */
@Timeout(600)
class CancelAllAlgoTlcTest {

    private static void passes(String config) {
        TlcResult result = Tlc.check(TlcRun.of("CancelAllAlgo", config));
        System.out.println(result.report());
        assertTrue(result.passed(), () -> result.report() + "\n" + result.log());
    }

    @Test
    void rulesAndRefinementAsSafetyHoldWithThreeThreadsAndTwoSignalsPerCall() {
        passes("CancelAllAlgo.cfg");
    }

    @Test
    void SC02_holdsJudgedByTheSinkEachCancelActsOnWithTwoSinks() {
        passes("CancelAllAlgoSinks.cfg");
    }

    @Test
    void SC11_noDeadlockWhenListenersWaitForARunningCancel() {
        passes("CancelAllAlgoWaits.cfg");
    }

    @Test
    void SC10_refinesTheAbstractSpecWithItsFairnessAndEveryCallEnds() {
        passes("CancelAllAlgoLive.cfg");
    }
}
