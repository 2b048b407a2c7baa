package org.sinkcheck.stress.lincheck;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sinkcheck.mutants.kills.KillRecords;
import org.sinkcheck.mutants.kills.Tier;

/** The reference sink is linearizable with respect to the executable model, in Lincheck's model-checking mode. */
class LincheckReferenceTest {
    @Test
    @Timeout(900)
    void SC01_SC02_SC05_SC06_referenceSinkLinearizesToTheModel() {
        LincheckCheck.run(LincheckCheck.CI_ITERATIONS, LincheckCheck.CI_INVOCATIONS);
        KillRecords.inBuild().ran(Tier.LINCHECK, LincheckReferenceTest.class, KillRecords.REFERENCE, List.of(),
                "generated scenarios, sanity budget, then the cross-thread ones");
    }
}
