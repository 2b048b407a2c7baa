package org.sinkcheck.tlc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * TLC model-checks the abstract spec at the CI bounds inside {@code mvn verify}: every invariant and
 * property of CancelAll.cfg holds. The summary line (distinct states, depth, time) goes to the build log.
 */
class CancelAllTlcTest {

    @Test
    @Timeout(300)
    void allRulesHoldAtTheCiBounds() {
        TlcResult result = CiModelCheck.result();
        System.out.println(result.report());
        assertTrue(result.passed(), () -> result.report() + "\n" + result.log());
        assertEquals(0, result.exitCode());
        assertTrue(result.distinctStates() > 1000, "the CI configuration explores a real state space");
        assertTrue(result.depth() > 5);
    }
}
