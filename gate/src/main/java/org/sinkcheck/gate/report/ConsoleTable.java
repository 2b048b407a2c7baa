package org.sinkcheck.gate.report;

import org.sinkcheck.kit.run.Verdict;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
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
            out.printf(Locale.ROOT, "%-6s %-5s %-12s %s%n", rule.id(), rule.level(), report.verdict(rule).label(),
                    firstLine(report.evidence(rule)));
        }
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

    /**
     * {@code PASS: 16 rules, 14 pass, 0 fail, 2 not applicable, 0 left to the stress tier, 0 untested}, then
     * {@code , 1 not promised} and {@code , 1 waived} when there are any.
     */
    public static String summaryLine(GateReport report) {
        List<Verdict> verdicts = Arrays.stream(Rule.values()).map(report::verdict).toList();
        String line = String.format(Locale.ROOT, "%s: %d rules, %d pass, %d fail, %d not applicable, %d left to the stress tier, %d untested",
                report.passed() ? "PASS" : "FAIL", verdicts.size(),
                count(verdicts, Verdict.PASS), count(verdicts, Verdict.FAIL), count(verdicts, Verdict.NOT_APPLICABLE),
                count(verdicts, Verdict.STRESS_TIER), count(verdicts, Verdict.UNTESTED));
        long unpromised = count(verdicts, Verdict.NOT_PROMISED);
        long waived = count(verdicts, Verdict.WAIVED);
        return line + (unpromised > 0 ? ", " + unpromised + " not promised" : "") + (waived > 0 ? ", " + waived + " waived" : "");
    }

    private static long count(List<Verdict> verdicts, Verdict v) {
        return verdicts.stream().filter(v::equals).count();
    }

    private static String firstLine(String text) {
        String line = text.split("\\R", 2)[0];
        boolean more = line.length() < text.length();
        if (line.length() > EVIDENCE_WIDTH) return line.substring(0, EVIDENCE_WIDTH - 1) + "…";
        return more ? line + " …" : line;
    }
}
