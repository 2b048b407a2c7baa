package org.sinkcheck.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The step log is off unless the JVM asks for it: every hook in ReferenceSink is then a constant false
 * branch. So is the earlier allocator's plain claim that trace validation's teeth turn on (Stripe.PLAIN_CLAIM).
 */
class StepLogOffTest {
    @Test
    void theStepLogIsOffByDefault_andStartingItSaysHowToTurnItOnInOneLine() {
        assertFalse(StepLog.ON, "this module's tests run without -Dsinkcheck.reference.steps");
        IllegalStateException refused = assertThrows(IllegalStateException.class, StepLog::start);
        assertEquals("the reference sink's step log is off: run the JVM with -Dsinkcheck.reference.steps=true", refused.getMessage());
    }

    @Test
    void thePlainClaimOfTheTraceTeethIsOffByDefault() {
        assertFalse(Stripe.PLAIN_CLAIM, "the reference sink claims its slots by CAS unless -Dsinkcheck.reference.brokenPlainClaim");
    }
}
