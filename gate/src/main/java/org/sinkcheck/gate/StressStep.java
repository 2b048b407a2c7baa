package org.sinkcheck.gate;

import org.sinkcheck.gate.report.Finding;
import org.sinkcheck.gate.report.GateReport;
import org.sinkcheck.kit.run.ConformanceReport;
import org.sinkcheck.kit.run.Verdict;
import org.sinkcheck.stress.LincheckReport;
import org.sinkcheck.stress.StressMode;
import org.sinkcheck.stress.StressRunner;

/**
 * The stress tier as a step of {@code check} (jcstress sanity + Lincheck), and its findings: every FORBIDDEN
 * outcome and a Lincheck failure fail the rule they name. The rules the conformance suite left to the stress
 * tier pass only when the whole tier ran and passed — every race, none skipped — never on a partial run;
 * after a partial run they stay STRESS TIER, with what did not run as the evidence.
 */
final class StressStep {
    static final String SOURCE = "stress";

    private StressStep() {}

    static StressRunner.Options options(StressMode mode, SinkSelection.LoadedSink sink, boolean echo) {
        return StressRunner.Options.of(mode, sink.className(), WorkFolder.newRun("stress", sink.adapter().name()))
                .withClasspath(sink.classpath()).withEcho(echo);
    }

    static String outcomeLine(StressRunner.Result r) {
        String first = r.summary().lines().skip(1).findFirst().orElse("").replaceFirst("^\\d+\\. ", "");
        return (r.passed() ? "PASS: " : "FAIL: ") + first + "; Lincheck " + r.lincheck().verdict()
                + r.htmlReport().map(p -> "; report " + p).orElse("");
    }

    static void addFindings(StressRunner.Result result, ConformanceReport conformance, GateReport report) {
        result.forbidden().forEach(f -> f.rule().ifPresent(rule ->
                report.add(new Finding(rule, Verdict.FAIL, SOURCE + " (jcstress)", "FORBIDDEN " + f))));
        LincheckReport lincheck = result.lincheck();
        if (lincheck.verdict() == LincheckReport.Verdict.FAILED) {
            lincheck.rule().ifPresent(rule -> report.add(new Finding(rule, Verdict.FAIL, SOURCE + " (Lincheck)",
                    lincheck.headline() + System.lineSeparator() + String.join(System.lineSeparator(), lincheck.output()))));
        }
        if (!result.passed()) return;
        boolean wholeTier = result.notRun().isEmpty() && lincheck.verdict() == LincheckReport.Verdict.PASSED;
        String evidence = wholeTier ? "jcstress and Lincheck: no forbidden outcome, no failure"
                : "passed, but not all of the tier ran: " + String.join("; ", result.notRun())
                        + (lincheck.verdict() == LincheckReport.Verdict.PASSED ? "" : "; Lincheck " + lincheck.headline());
        for (ConformanceReport.Row row : conformance.rows()) {
            if (row.verdict() == Verdict.STRESS_TIER) {
                report.add(new Finding(row.rule(), wholeTier ? Verdict.PASS : Verdict.STRESS_TIER, SOURCE, evidence));
            }
        }
    }
}
