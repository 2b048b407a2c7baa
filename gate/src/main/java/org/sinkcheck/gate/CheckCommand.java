package org.sinkcheck.gate;

import org.sinkcheck.kit.run.Verdict;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sinkcheck.gate.report.ConsoleTable;
import org.sinkcheck.gate.report.Finding;
import org.sinkcheck.gate.report.GateReport;
import org.sinkcheck.gate.report.JUnitXml;
import org.sinkcheck.gate.report.JsonSummary;
import org.sinkcheck.kit.run.Conformance;
import org.sinkcheck.kit.run.ConformanceReport;
import org.sinkcheck.kit.run.Options;
import org.sinkcheck.kit.run.Waivers;
import org.sinkcheck.stress.StressMode;
import org.sinkcheck.stress.StressRunner;
import org.sinkcheck.tlc.TlcResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sinkcheck check}: the gate. Model-checks the abstract spec, runs the conformance suite on the
 * sink under test and prints the per-rule table; exit 0 when every required rule holds, 1 on a violation
 * (with the rule, the counterexample and the command that reproduces it) or a MUST rule the sink does not
 * promise and the user did not waive ({@code --waive SC-nn}), 2 on bad input.
 */
@Command(name = "check", usageHelpWidth = 110,
        description = "Model-check the spec, then check a sink against it and print the per-rule table.")
final class CheckCommand extends SinkCommand {
    @Option(names = "--budget", paramLabel = "ci|extended",
            description = "ci: 8 walks of 1,500 actions (default); extended: 64 walks of 10,000 actions over more sinks and calls"
                    + " (the kit's -Dsinkcheck.budget names)")
    Options.Budget budget;

    @Option(names = "--walks", paramLabel = "N", description = "this many random walks, of the budget's length and bounds")
    Integer walks;

    @Option(names = "--seed", paramLabel = "N", description = "seed of the first random walk (default: the kit's fixed CI seed)")
    Long seed;

    @Option(names = "--no-stress", description = "skip the stress tier (jcstress sanity + Lincheck, minutes): its rules stay STRESS TIER")
    boolean noStress;

    @Option(names = "--waive", paramLabel = "SC-nn", split = ",",
            description = "accept that the sink does not promise this MUST rule (repeatable, or comma-separated):"
                    + " NOT PROMISED becomes WAIVED, listed in every report; only a rule whose promise the adapter does not declare")
    List<String> waive = new ArrayList<>();

    @Option(names = "--report-dir", paramLabel = "DIR",
            description = "also write sinkcheck-junit.xml (one test case per rule) and sinkcheck-summary.json here")
    Path reportDir;

    @Override
    public Integer call() throws Exception {
        Path reports = reportFolder();
        try (SinkSelection.LoadedSink sink = selection.load()) {
            Map<String, JsonElement> engineReports = new LinkedHashMap<>();
            Options options = conformanceOptions();
            Waivers waivers = waivers(sink);
            GateReport report = new GateReport(sink.adapter().name(), sink.className(),
                    "./sinkcheck check " + sink.commandLineOptions() + budgetOptions() + " --seed " + options.seed()
                            + waiveOptions(waivers) + (noStress ? " --no-stress" : ""), waivers);
            Progress progress = new Progress(out(), err(), report, noStress ? 2 : 3);

            SpecStep.Result spec = progress.step("spec", "model-check the abstract spec (TLC, " + SpecStep.CONFIG + ")",
                    SpecStep::run, r -> new Progress.Outcome(r.passed(), r.line()));
            if (!spec.passed()) {
                TlcResult tlc = spec.tlc();
                tlc.violatedRule().ifPresent(rule -> report.add(new Finding(rule, Verdict.FAIL, "spec (TLC)", tlc.report())));
                if (verbose()) out().println(tlc.log());
            }

            ConformanceReport conformance = progress.step("conformance",
                    "conformance suite on " + sink.adapter().name() + " (exhaustive replay + " + options.walks() + " random walks)",
                    () -> Conformance.run(sink.adapter(), options, waivers, progress::detail),
                    r -> new Progress.Outcome(r.requiredRulesHold(), ConformanceStep.outcomeLine(r)));
            ConformanceStep.addFindings(conformance, report, "./sinkcheck check " + sink.commandLineOptions() + waiveOptions(waivers)
                    + (budget == null ? "" : " --budget " + budget) + " --no-stress");
            engineReports.put(ConformanceStep.SOURCE, JsonParser.parseString(conformance.toJson()));
            if (verbose()) out().println(conformance.table());

            if (!noStress) {
                PrintStream stressLog = verbose() ? out() : new PrintStream(OutputStream.nullOutputStream());
                StressRunner.Result stress = progress.step("stress",
                        "stress tier on " + sink.adapter().name() + " (jcstress sanity + Lincheck)",
                        () -> StressStep.ran(StressRunner.run(StressStep.options(StressMode.SANITY, sink, verbose()), stressLog)),
                        r -> new Progress.Outcome(r.passed(), StressStep.outcomeLine(r)));
                StressStep.addFindings(stress, conformance.rows(), report);
                if (!stress.passed()) out().println(stress.summary());
                stress.forksEnded().forEach(line -> out().println("note: " + line.replaceFirst("^sinkcheck: ", "")));
            }

            ConsoleTable.print(report, out());
            int exitCode = report.passed() ? Sinkcheck.OK : Sinkcheck.VIOLATION;
            if (reports != null) writeReports(report, exitCode, engineReports, reports);
            return exitCode;
        }
    }

    private Options conformanceOptions() {
        Options options = budget != null ? budget.options() : Options.ci();
        if (walks != null) {
            if (walks < 0) throw new GateException("--walks must be 0 or more, not " + walks);
            options = options.withWalks(walks, options.walkLength());
        }
        return seed == null ? options : options.withSeed(seed);
    }

    /** The {@code --waive} rules, refused in one line before anything runs if one of them waives nothing. */
    private Waivers waivers(SinkSelection.LoadedSink sink) {
        try {
            Waivers waivers = Waivers.of("the command line (--waive)", waive);
            waivers.checkAgainst(sink.adapter().capabilities());
            return waivers;
        } catch (IllegalArgumentException e) {
            throw new GateException("--waive: " + e.getMessage(), e);
        }
    }

    private static String waiveOptions(Waivers waivers) {
        return waivers.isEmpty() ? "" : " --waive " + waivers.toString().replace(" ", "");
    }

    /** The budget as it was given, for the reproduce line. */
    private String budgetOptions() {
        return (budget == null ? "" : " --budget " + budget) + (walks == null ? "" : " --walks " + walks);
    }

    /** The report folder, created now so that a bad path is a usage error before anything runs. */
    private Path reportFolder() {
        if (reportDir == null) return null;
        try {
            return Files.createDirectories(reportDir);
        } catch (IOException e) {
            throw new GateException("--report-dir " + reportDir + " cannot be created: " + e.getMessage(), e);
        }
    }

    private void writeReports(GateReport report, int exitCode, Map<String, JsonElement> engineReports, Path folder)
            throws IOException {
        Path xml = folder.resolve("sinkcheck-junit.xml");
        Path json = folder.resolve("sinkcheck-summary.json");
        JUnitXml.write(report, xml);
        JsonSummary.write(report, exitCode, engineReports, json);
        out().println("reports: " + xml + ", " + json);
    }
}
