package org.sinkcheck.kit.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;
import org.sinkcheck.kit.Capability;
import org.sinkcheck.kit.SinkAdapter;
import org.sinkcheck.kit.run.ConformanceReport;
import org.sinkcheck.kit.run.Options;
import org.sinkcheck.kit.run.ReferenceDeclaring;
import org.sinkcheck.kit.run.Verdict;
import org.sinkcheck.rules.Rule;

/**
 * No silent opt-out through the JUnit class: a MUST rule whose promise the adapter does not declare is NOT
 * PROMISED and its required test fails, naming the {@link Waive} that would accept it; waived, it is WAIVED
 * and its test is skipped with a message naming the class that waived it, while rules the adapter cannot
 * observe stay N/A with their reason. The classes below are driven as JUnit would, one report each.
 */
class SinkVerificationWaiverTest {
    private static final Set<Rule> PROMISED_RULES = Set.of(Rule.SC11, Rule.SC15, Rule.SC16);

    /** Every capability but the three promises. */
    static class Unpromising extends SinkVerification {
        @Override
        protected SinkAdapter<?, ?> adapter() {
            Set<Capability> all = EnumSet.allOf(Capability.class);
            all.removeAll(Capability.of(Capability.Kind.PROMISE));
            return ReferenceDeclaring.capabilities(all);
        }

        @Override
        protected Options options() { return Options.ci().withWalks(0, 1); }
    }

    /** No progress, two observations and one promise missing, and the promise's rule waived. */
    @Waive("SC-11")
    static class Limited extends Unpromising {
        @Override
        protected SinkAdapter<?, ?> adapter() {
            return ReferenceDeclaring.capabilities(EnumSet.of(Capability.FAIL, Capability.HANDLE_CHECKS, Capability.LISTENER_ERRORS,
                    Capability.CANCEL_IN_CALLBACK));
        }
    }

    @Test
    void SC11_SC15_SC16_anUndeclaredPromiseIsNotPromisedAndItsRequiredTestFailsNamingTheWaiver() {
        Unpromising verification = new Unpromising();
        verification.runConformance();
        ConformanceReport report = verification.report();
        for (Rule rule : PROMISED_RULES) {
            assertEquals(Verdict.NOT_PROMISED, report.result(rule).verdict(), report::table);
            assertTrue(report.result(rule).evidence().contains("waive " + rule.id() + " by id"), report::table);
        }
        assertFalse(report.requiredRulesHold(), report::table);
        assertTrue(report.table().contains("SC-11  MUST  NOT PROMISED"), report::table);
        String message = assertThrows(AssertionFailedError.class, verification::required_SC11_cancelNeverBlocks).getMessage();
        assertTrue(message.startsWith("SC-11 (" + Rule.SC11.summary() + ") is not promised: " + Capability.THREAD_SAFE.reason()), message);
        assertTrue(message.endsWith("waive it: @Waive(\"SC-11\") on Unpromising"), message);
    }

    @Test
    void SC11_aWaivedRuleIsSkippedNamingWhoWaivedItAndMissingObservationsAreNotApplicableWithTheReason() {
        Limited verification = new Limited();
        verification.runConformance();
        ConformanceReport report = verification.report();
        String by = "@Waive on " + Limited.class.getName();
        assertEquals(Verdict.WAIVED, report.result(Rule.SC11).verdict(), report::table);
        assertTrue(report.result(Rule.SC11).evidence().startsWith("waived by " + by + ": " + Capability.THREAD_SAFE.reason()), report::table);
        String skipped = assertThrows(TestAbortedException.class, verification::required_SC11_cancelNeverBlocks).getMessage();
        assertTrue(skipped.contains(" WAIVED: waived by " + by), skipped);
        for (Capability missing : List.of(Capability.PROVIDER_TOLD, Capability.RETENTION_VISIBLE)) {
            for (Rule rule : missing.rules()) {
                ConformanceReport.Row row = report.result(rule);
                assertEquals(Verdict.NOT_APPLICABLE, row.verdict(), rule.id());
                assertTrue(row.evidence().contains(missing.reason()), row.evidence());
            }
        }
        assertTrue(report.requiredRulesHold(), report::table);
        assertTrue(report.table().contains("  waived: SC-11 by " + by), report::table);
        JsonArray json = JsonParser.parseString(report.toJson()).getAsJsonObject().getAsJsonArray("waived");
        assertEquals(1, json.size());
        assertEquals("SC-11", json.get(0).getAsJsonObject().get("id").getAsString());
        assertEquals(by, json.get(0).getAsJsonObject().get("by").getAsString());
        assertTrue(report.notes().stream().anyMatch(n -> n.contains(Capability.PROGRESS.reason())), "no progress: noted");
        ConformanceReport.Counts counts = report.counts();
        assertTrue(counts.edgesCovered() > counts.edges() / 3 && counts.edgesCovered() < counts.edges(),
                "without progress, every behaviour without it is still replayed: " + counts);
    }
}
