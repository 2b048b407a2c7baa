package org.sinkcheck.kit.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.sinkcheck.kit.Capability;
import org.sinkcheck.kit.SinkAdapter;
import org.sinkcheck.kit.SinkApiAdapter;
import org.sinkcheck.kit.run.ConformanceReport;
import org.sinkcheck.kit.run.Options;
import org.sinkcheck.kit.run.Verdict;
import org.sinkcheck.kit.run.VerdictCounts;
import org.sinkcheck.reference.ReferenceSink;
import org.sinkcheck.rules.Rule;
import org.sinkcheck.sink.SinkListener;

/**
 * The JUnit class says PASS+ as every report does: a rule with a concurrent part that held is PASS+ in the
 * kit's table and JSON and in its test's report entry, which passes; a rule without one is PASS; and the
 * table's count line counts them apart, as the gate's summary line does ({@link VerdictCounts}).
 */
class SinkVerificationPassPlusTest {

    static class Reference extends SinkVerification {
        @Override
        protected SinkAdapter<?, ?> adapter() {
            return new SinkApiAdapter<ReferenceSink<Object>>() {
                @Override
                protected ReferenceSink<Object> create(SinkListener<Object> listener, BiConsumer<Object, Throwable> errors) {
                    return new ReferenceSink<>(listener, errors);
                }

                @Override
                public Set<Capability> capabilities() { return EnumSet.allOf(Capability.class); }
            };
        }

        @Override
        protected Options options() { return Options.ci().withWalks(0, 1); }
    }

    @Test
    void aRuleWithAConcurrentPartThatHeldIsPassPlusInItsTestsReportEntryAndCountedApart() {
        Reference verification = new Reference();
        verification.runConformance();
        Map<String, String> entries = new LinkedHashMap<>();
        verification.reportTo(entries::putAll);
        verification.required_SC04_silentAfterCancel();
        verification.required_SC01_scopeAll();

        assertTrue(entries.get("SC-04").startsWith("PASS+: held in "), entries::toString);
        assertTrue(entries.get("SC-04").endsWith("(" + VerdictCounts.PASS_PLUS_MEANS + ")"), entries::toString);
        assertTrue(entries.get("SC-01").startsWith("PASS: held in "), entries::toString);

        ConformanceReport report = verification.report();
        int passPlus = 0;
        for (Rule rule : Rule.values()) {
            ConformanceReport.Row row = report.result(rule);
            boolean expected = row.verdict() == Verdict.PASS && rule.concurrentPart().isPresent();
            assertEquals(expected, row.passPlus(), rule.id());
            if (expected) passPlus++;
        }
        assertEquals(passPlus, report.verdictCounts().passPlus());
        assertTrue(passPlus > 0, report::table);
        assertTrue(report.table().contains("SC-04  MUST  PASS+ "), report::table);
        assertTrue(report.table().contains("Required rules: HOLD: " + report.verdictCounts().line()), report::table);
        assertTrue(report.verdictCounts().line().contains(", " + passPlus + " pass+, "), report::table);
    }
}
