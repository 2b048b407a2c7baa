package org.sinkcheck.gate;

import org.sinkcheck.gate.report.Finding;
import org.sinkcheck.gate.report.GateReport;
import org.sinkcheck.kit.run.ConformanceReport;
import org.sinkcheck.kit.run.Counterexample;

/**
 * Turns the conformance kit's report into the gate's findings: one per rule, with the kit's evidence, and
 * for a failure its shrunk counterexample (after the declared deviation of its rule, if any) plus, when a random walk found it, the command that replays just
 * that walk: the run's own command (its budget, so its bounds and walk length, and its waivers) with that
 * walk's seed and one walk.
 */
final class ConformanceStep {
    static final String SOURCE = "conformance";

    private ConformanceStep() {}

    static void addFindings(ConformanceReport conformance, GateReport report, String replayWalkCommand) {
        for (ConformanceReport.Row row : conformance.rows()) {
            String deviation = conformance.deviations().of(row.rule())
                    .map(d -> "(deviation declared by " + d.by() + ": " + d.reason() + ") ").orElse("");
            report.add(new Finding(row.rule(), row.verdict(), SOURCE, deviation + evidence(row, replayWalkCommand)));
        }
    }

    private static String evidence(ConformanceReport.Row row, String replayWalkCommand) {
        Counterexample cx = row.counterexample();
        if (cx != null) {
            String replay = cx.seed() == null ? ""
                    : System.lineSeparator() + "replay just this walk: " + replayWalkCommand + " --seed " + cx.seed() + " --walks 1";
            return cx + replay;
        }
        return row.evidence();
    }

    /** The step's one-line outcome: the kit's counts and whether the required rules held. */
    static String outcomeLine(ConformanceReport r) {
        ConformanceReport.Counts c = r.counts();
        return String.format(java.util.Locale.ROOT,
                "%s: %d of %d edges replayed over %d paths, %d random walks (%d actions, seed %d), %d rule(s) failed",
                r.requiredRulesHold() ? "HOLD" : "BROKEN", c.edgesCovered(), c.edges(), c.paths(), c.walks(),
                c.walkActions(), c.seed(), r.failures().size());
    }
}
