package org.sinkcheck.kit.run;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sinkcheck.kit.reference.ReferenceSinkAdapter;

class ConformanceTest {
    @Test
    void referenceSinkHoldsEveryRequiredRule() {
        ConformanceReport report = Conformance.run(new ReferenceSinkAdapter(), Options.ci());
        System.out.println(report.table());
        assertTrue(report.requiredRulesHold(), report::table);
    }
}
