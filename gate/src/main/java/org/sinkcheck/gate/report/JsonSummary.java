package org.sinkcheck.gate.report;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.sinkcheck.kit.run.ConformanceReport;
import org.sinkcheck.rules.Rule;

/**
 * The report as JSON for tools: the verdict, the exit code, the steps with their times, every rule with
 * its combined verdict and each engine's finding, the waived rules with who waived each, the reproduce
 * command, and (under {@code "engines"})
 * the engines' own JSON reports verbatim.
 */
public final class JsonSummary {
    private JsonSummary() {}

    public static JsonObject toJson(GateReport report, int exitCode, Map<String, JsonElement> engineReports) {
        JsonObject root = new JsonObject();
        root.addProperty("sink", report.sinkName());
        root.addProperty("adapter", report.adapterClass());
        root.addProperty("verdict", report.passed() ? "PASS" : "FAIL");
        root.addProperty("exitCode", exitCode);
        root.addProperty("summary", ConsoleTable.summaryLine(report));
        root.add("verdicts", report.verdictCounts().toJson());
        root.addProperty("reproduce", report.reproduce());
        root.add("waived", ConformanceReport.waivedJson(report.waivers()));

        JsonArray steps = new JsonArray();
        for (StepRecord step : report.steps()) {
            JsonObject s = new JsonObject();
            s.addProperty("name", step.name());
            s.addProperty("passed", step.passed());
            s.addProperty("outcome", step.outcome());
            s.addProperty("seconds", step.seconds());
            steps.add(s);
        }
        root.add("steps", steps);

        JsonArray rules = new JsonArray();
        for (Rule rule : Rule.values()) {
            JsonObject r = new JsonObject();
            r.addProperty("id", rule.id());
            r.addProperty("level", rule.level().name());
            r.addProperty("summary", rule.summary());
            r.addProperty("verdict", report.verdict(rule).name());
            r.addProperty("label", report.label(rule));
            JsonArray findings = new JsonArray();
            for (Finding f : report.findings(rule)) {
                JsonObject o = new JsonObject();
                o.addProperty("source", f.source());
                o.addProperty("verdict", f.verdict().name());
                o.addProperty("evidence", f.evidence());
                findings.add(o);
            }
            r.add("findings", findings);
            rules.add(r);
        }
        root.add("rules", rules);

        JsonObject engines = new JsonObject();
        engineReports.forEach(engines::add);
        root.add("engines", engines);
        return root;
    }

    public static void write(GateReport report, int exitCode, Map<String, JsonElement> engineReports, Path file)
            throws IOException {
        String json = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create()
                .toJson(toJson(report, exitCode, engineReports));
        Files.writeString(file, json + "\n", StandardCharsets.UTF_8);
    }
}
