package org.sinkcheck.stress.lincheck;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The reference sink is linearizable with respect to the executable model, in Lincheck's model-checking mode. */
class LincheckReferenceTest {
    @Test
    @Timeout(900)
    void SC01_SC02_SC05_SC06_referenceSinkLinearizesToTheModel() {
        LincheckCheck.run(LincheckCheck.CI_ITERATIONS, LincheckCheck.CI_INVOCATIONS);
    }
}
