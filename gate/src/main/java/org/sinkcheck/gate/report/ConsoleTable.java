package org.sinkcheck.gate.report;

import org.sinkcheck.kit.run.VerdictCounts;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import org.sinkcheck.rules.Rule;

/**
 * The per-rule table a person reads at the end of a run: one line per rule (id, level, verdict, the first
 * line of the evidence), then every violation in full — the rule, its counterexample — and the command
 * that reproduces the run.
 */
public final class ConsoleTable {
    private static final int EVIDENCE_WIDTH = 96;

    private ConsoleTable() {}

    public static void print(GateReport report, PrintStream out) {
        out.println();
        out.println("sinkcheck check: " + report.sinkName() + " (" + report.adapterClass() + ")");
        out.println();
        out.printf(Locale.ROOT, "%-6s %-5s %-12s %s%n", "rule", "level", "verdict", "evidence");
        for (Rule rule : Rule.values()) {
            out.printf(Locale.ROOT, "%-6s %-5s %-12s %s%n", rule.id(), rule.level(), report.label(rule),
                    firstLine(report.evidence(rule)));
        }
        if (Arrays.stream(Rule.values()).anyMatch(report::passPlus)) out.println(VerdictCounts.PASS_PLUS_MEANS);
        out.println();
        report.waivers().rules().forEach((rule, who) -> out.println("waived: " + rule.id() + " (" + rule.summary() + ") by " + who));
        if (!report.waivers().isEmpty()) out.println();
        for (Rule rule : report.violatedRequiredRules()) {
            out.println(rule.id() + " " + Verdicts.failure(report.verdict(rule)) + ": " + rule.summary());
            for (String line : report.evidence(rule).split("\\R")) out.println("    " + line);
            out.println();
        }
        report.failedStep().ifPresent(step -> out.println("step failed: " + step.name() + ": " + step.outcome()));
        out.println(summaryLine(report));
        if (!report.passed()) out.println("reproduce: " + report.reproduce());
    }

    /** {@code PASS: } or {@code FAIL: }, then the counts of every report ({@link VerdictCounts#line()}). */
    public static String summaryLine(GateReport report) {
        return (report.passed() ? "PASS" : "FAIL") + ": " + report.verdictCounts().line();
    }

    private static String firstLine(String text) {
        String line = text.split("\\R", 2)[0];
        boolean more = line.length() < text.length();
        if (line.length() > EVIDENCE_WIDTH) return line.substring(0, EVIDENCE_WIDTH - 1) + "…";
        return more ? line + " …" : line;
    }
}
