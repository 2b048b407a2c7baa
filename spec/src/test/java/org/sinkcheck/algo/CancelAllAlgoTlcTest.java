package org.sinkcheck.algo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sinkcheck.tlc.Tlc;
import org.sinkcheck.tlc.TlcResult;
import org.sinkcheck.tlc.TlcRun;

/**
 * TLC model-checks the lock-free algorithm (CancelAllAlgo.tla) at the CI bounds inside
 * {@code mvn verify}: every algorithm-level rule and the refinement of the abstract spec, once as a
 * safety property over two threads and two calls, once as {@code Abstract!Spec} with its fairness and
 * SC-10's liveness. Each summary line (distinct states, depth, time) goes to the build log.
 */
@Timeout(300)
class CancelAllAlgoTlcTest {

    private static TlcResult passes(String config, long minStates) {
        TlcResult result = Tlc.check(TlcRun.of("CancelAllAlgo", config));
        System.out.println(result.report());
        assertTrue(result.passed(), () -> result.report() + "\n" + result.log());
        assertTrue(result.distinctStates() >= minStates, () -> config + " explored only " + result.distinctStates());
        return result;
    }

    @Test
    void rulesAndRefinementAsSafetyHoldAtTheCiBounds() {
        passes("CancelAllAlgo.cfg", 10_000);
    }

    @Test
    void SC10_refinesTheAbstractSpecWithItsFairnessAndEveryCallEnds() {
        passes("CancelAllAlgoLive.cfg", 200);
    }
}
