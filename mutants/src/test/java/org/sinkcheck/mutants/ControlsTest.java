package org.sinkcheck.mutants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.sinkcheck.kit.Adapters;
import org.sinkcheck.kit.run.Conformance;
import org.sinkcheck.kit.run.ConformanceReport;
import org.sinkcheck.kit.run.Options;
import org.sinkcheck.mutants.Controls.Control;
import org.sinkcheck.mutants.kills.KillRecords;
import org.sinkcheck.mutants.kills.Tier;

/**
 * No false positives in the conformance tier: every correct control, of every design, holds every
 * required rule at the CI budget — the one calling back on its own executor included, which the kit
 * failed on SC-15 and SC-16 while it disarmed its listener before {@code settle()}.
 */
class ControlsTest {

    @TestFactory
    List<DynamicTest> SC15_SC16_everyControlOfEveryDesignHoldsEveryRequiredRule() {
        return Controls.ALL.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            ConformanceReport report = Conformance.run(Adapters.load(c.adapterClassName(), getClass().getClassLoader()), Options.ci());
            KillRecords.inBuild().ran(Tier.KIT, ControlsTest.class, c.name(),
                    report.failures().stream().map(ConformanceReport.Row::rule).toList(), "CI budget");
            assertEquals(List.of(), report.failures(), () -> c.name() + " (" + c.design() + "):\n" + report.table());
            assertTrue(report.requiredRulesHold(), report::table);
        })).toList();
    }
}
