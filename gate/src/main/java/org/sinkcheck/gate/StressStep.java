package org.sinkcheck.gate;

import org.sinkcheck.gate.report.Finding;
import org.sinkcheck.gate.report.GateReport;
import org.sinkcheck.kit.run.ConformanceReport;
import org.sinkcheck.kit.run.Verdict;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.sinkcheck.stress.LincheckReport;
import org.sinkcheck.stress.Races;
import org.sinkcheck.stress.StressMode;
import org.sinkcheck.stress.StressRunner;

/**
 * The stress tier as a step of {@code check} (jcstress sanity + Lincheck), and its findings
 * ({@link #addFindings}): each rule is decided by the races that cover it, never by the whole tier.
 */
final class StressStep {
    static final String SOURCE = Finding.STRESS;

    private StressStep() {}

    static StressRunner.Options options(StressMode mode, SinkSelection.LoadedSink sink, boolean echo) {
        return StressRunner.Options.of(mode, sink.className(), WorkFolder.newRun("stress", sink.adapter().name()))
                .withClasspath(sink.classpath()).withEcho(echo);
    }

    /** {@code result}, unless a tool crashed in it: then the crash, which decides nothing ({@link ToolCrash}). */
    static StressRunner.Result ran(StressRunner.Result result) {
        if (result.crashed().isPresent()) throw new ToolCrash(result.crashed().get());
        return result;
    }

    static String outcomeLine(StressRunner.Result r) {
        String first = r.summary().lines().skip(1).findFirst().orElse("").replaceFirst("^\\d+\\. ", "");
        return (r.passed() ? "PASS: " : "FAIL: ") + first + "; Lincheck " + r.lincheck().verdict().name().replace('_', ' ')
                + r.htmlReport().map(p -> "; report " + p).orElse("");
    }

    /**
     * The stress tier's findings: every FORBIDDEN outcome and a Lincheck failure (of its scenarios, or of
     * a race it model-checked for want of CPUs) fail the rule they name; a decided rule's evidence names
     * the engine that played each of its races.
     * Every rule the conformance suite left to the stress tier, or whose concurrent part it left there, is
     * decided by the races that cover it ({@link StressRunner.Result#undecided}): a pass when every one of
     * them ran clean (a race the sink's capabilities make not applicable is named, not waited for), else it
     * stays STRESS TIER with what kept them from deciding as the evidence. A
     * Lincheck that could not run the sink decides nothing and fails nothing.
     */
    static void addFindings(StressRunner.Result result, List<ConformanceReport.Row> conformance, GateReport report) {
        result.forbidden().forEach(f -> f.rule().ifPresent(rule ->
                report.add(new Finding(rule, Verdict.FAIL, SOURCE + " (jcstress)", "FORBIDDEN " + f))));
        addLincheckFailure(result.lincheck(), SOURCE + " (Lincheck)", report);
        result.modelChecked().forEach((race, checked) ->
                addLincheckFailure(checked, SOURCE + " (" + race.getSimpleName() + ", " + StressRunner.MODEL_CHECKING + ")", report));
        for (ConformanceReport.Row row : conformance) {
            boolean leftToStress = row.verdict() == Verdict.STRESS_TIER || (row.verdict() == Verdict.PASS && row.stressTierToo());
            if (!leftToStress) continue;
            Optional<String> undecided = result.undecided(row.rule());
            String races = Races.covering(row.rule()).stream()
                    .map(race -> race.getSimpleName() + " (" + result.engine(race).orElse(result.notApplicable(race) ? "not applicable" : "not run") + ")")
                    .collect(Collectors.joining(", "));
            report.add(new Finding(row.rule(), undecided.isPresent() ? Verdict.STRESS_TIER : Verdict.PASS, SOURCE,
                    undecided.map(why -> "not decided: " + why).orElse("decided by its races, each ran clean: " + races)));
        }
    }

    /** A Lincheck run that failed fails the rule it names; one that could not run fails nothing. */
    private static void addLincheckFailure(LincheckReport lincheck, String source, GateReport report) {
        if (lincheck.verdict() != LincheckReport.Verdict.FAILED) return;
        lincheck.rule().ifPresent(rule -> report.add(new Finding(rule, Verdict.FAIL, source,
                lincheck.headline() + System.lineSeparator() + String.join(System.lineSeparator(), lincheck.output()))));
    }
}
