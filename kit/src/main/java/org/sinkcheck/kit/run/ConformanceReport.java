package org.sinkcheck.kit.run;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sinkcheck.rules.Rule;

/**
 * The kit's verdict on one sink: one row per rule of the catalogue, in catalogue order, and the counts
 * that say how hard it looked. {@link #table()} is for a person at a console, {@link #toJson()} for a
 * pipeline; both carry the same facts.
 */
public final class ConformanceReport {

    /**
     * One rule's verdict. {@code evidence} says how it was established (counts for a pass, the reason for
     * N/A, a one-line summary for a failure); {@code counterexample} is set exactly when it failed;
     * {@code stressTierToo} marks rules whose concurrent part only the stress tier checks.
     */
    public record Row(Rule rule, Verdict verdict, String evidence, Counterexample counterexample, boolean stressTierToo) {
        /** A pass of the sequential part only: the kit never decides a concurrent part. */
        public boolean passPlus() { return verdict == Verdict.PASS && stressTierToo; }

        /** The verdict as every report prints it: {@code PASS+} for {@link #passPlus()}. */
        public String label() { return verdict.label(stressTierToo); }
    }

    /**
     * How much was replayed: the state graph at the replay bounds, how many of its edges the replayed
     * paths took, how many paths and steps (each path is replayed twice: with quiet listeners and with
     * listeners that throw from every final), and the random walks.
     */
    public record Counts(int states, int edges, int edgesCovered, int paths, long replaySteps, int walks,
                         long walkActions, long seed, String walkBounds, long millis) {}

    /**
     * Where a run's time went, in milliseconds of wall-clock time: the replay (its reachability checks included),
     * the walks (generating them included) and, within them, the actions of each phase (played, settled, judged),
     * the shrinks, and the reachability checks of the whole run (SC-13: each one garbage collection or more).
     */
    public record Timings(long replayMillis, long walkMillis, Map<String, PhaseTime> walkPhases, long shrinkMillis,
                          int reachabilityChecks, long reachabilityMillis) {
        /** In one line, as the budget measurement records it. */
        public String line() {
            StringBuilder phases = new StringBuilder();
            walkPhases.forEach((phase, time) -> phases.append(phases.isEmpty() ? "" : ", ")
                    .append(phase).append(' ').append(time.actions())
                    .append(" actions ").append(time.millis()).append(" ms"));
            return "replay " + replayMillis + " ms, walks " + walkMillis + " ms (" + phases + "), shrinks " + shrinkMillis
                    + " ms, reachability " + reachabilityChecks + " checks " + reachabilityMillis + " ms";
        }
    }

    /** One walk phase's share: the actions it played and the time they took. */
    public record PhaseTime(long actions, long millis) {}

    private final String sink;
    private final List<Row> rows;
    private final Counts counts;
    private final List<String> notes;
    private final Waivers waivers;
    private final Deviations deviations;
    private final Coverage coverage;
    private final Timings timings;

    /** Where the run's time went. */
    public Timings timings() { return timings; }

    ConformanceReport(String sink, List<Row> rows, Counts counts, List<String> notes, Waivers waivers, Deviations deviations,
                      Coverage coverage, Timings timings) {
        this.timings = timings;
        this.sink = sink;
        this.coverage = coverage;
        this.rows = List.copyOf(rows);
        this.counts = counts;
        this.notes = List.copyOf(notes);
        this.waivers = waivers;
        this.deviations = deviations;
    }

    /** The adapter's name. */
    public String sink() { return sink; }

    public List<Row> rows() { return rows; }

    public Counts counts() { return counts; }

    /** How much of the spec the run played, given the adapter's capabilities, and which listener faults. */
    public Coverage coverage() { return coverage; }

    /** What the kit could not do for this sink (actions it lacks the capabilities for). */
    public List<String> notes() { return notes; }

    /** The rules the user waived, and who waived each (WAIVED rows; a waived rule seen broken is FAIL). */
    public Waivers waivers() { return waivers; }

    /** The rules the user declared the sink breaks by design (still FAIL when seen broken; the kit explored past them). */
    public Deviations deviations() { return deviations; }

    public Row result(Rule rule) {
        return rows.stream().filter(r -> r.rule() == rule).findFirst().orElseThrow();
    }

    public List<Row> failures() {
        return rows.stream().filter(r -> r.verdict() == Verdict.FAIL).toList();
    }

    /**
     * Whether no MUST rule failed, went untested or is not promised. NOT APPLICABLE, WAIVED and STRESS TIER
     * rows do not fail it: the first two are visible in the table with their reason (and who waived), the
     * third is the stress tier's to judge (the gate combines both tiers).
     */
    public boolean requiredRulesHold() {
        return rows.stream().filter(r -> r.rule().level() == Rule.Level.MUST).noneMatch(r -> r.verdict().failsRequiredRule());
    }

    /** The first counterexample of {@code rule}, if it failed. */
    public Optional<Counterexample> counterexample(Rule rule) {
        return Optional.ofNullable(result(rule).counterexample());
    }

    /** Every rule counted by its verdict, PASS+ apart from PASS. */
    public VerdictCounts verdictCounts() {
        return VerdictCounts.of(rule -> result(rule).verdict(), rule -> result(rule).stressTierToo());
    }

    /** The console table, failing rules' counterexamples after it. */
    public String table() {
        String nl = System.lineSeparator();
        StringBuilder sb = new StringBuilder();
        sb.append("sinkcheck conformance of ").append(sink).append(nl);
        sb.append(String.format("  replay: %d states, %d of %d edges covered (%d reachable with the declared capabilities), %d paths (%d steps, quiet and throwing listeners)%n",
                counts.states(), counts.edgesCovered(), counts.edges(), coverage.reachableEdges(), counts.paths(), counts.replaySteps()));
        sb.append(String.format("  random walks: %d walks, %d actions (a walk stops at its first failure, except a declared deviation) over %s, first seed %d%n",
                counts.walks(), counts.walkActions(), counts.walkBounds(), counts.seed()));
        sb.append(String.format("  took %.1f s%n", counts.millis() / 1000.0));
        for (String line : coverage.lines()) sb.append("  ").append(line).append(nl);
        for (String note : notes) sb.append("  note: ").append(note).append(nl);
        sb.append(String.format("%-6s %-5s %-12s %s%n", "rule", "level", "verdict", "evidence"));
        for (Row row : rows) {
            sb.append(String.format("%-6s %-5s %-12s %s%n", row.rule().id(), row.rule().level(), row.label(), row.evidence()));
        }
        waivers.rules().forEach((rule, who) -> sb.append("  waived: ").append(rule.id()).append(" by ").append(who).append(nl));
        deviations.rules().forEach((rule, d) -> sb.append("  ").append(rule.id()).append(": ").append(Deviations.describe(d)).append(nl));
        if (rows.stream().anyMatch(Row::passPlus)) sb.append("  ").append(VerdictCounts.PASS_PLUS_MEANS).append(nl);
        sb.append("Required rules: ").append(requiredRulesHold() ? "HOLD" : "BROKEN").append(": ").append(verdictCounts().line()).append(nl);
        for (Row row : failures()) sb.append(nl).append(row.counterexample()).append(nl);
        return sb.toString();
    }

    /** The same facts as {@link #table()}, as JSON. */
    public String toJson() {
        JsonObject root = new JsonObject();
        root.addProperty("sink", sink);
        root.addProperty("requiredRulesHold", requiredRulesHold());
        root.add("verdicts", verdictCounts().toJson());
        JsonObject c = new JsonObject();
        c.addProperty("states", counts.states());
        c.addProperty("edges", counts.edges());
        c.addProperty("edgesCovered", counts.edgesCovered());
        c.addProperty("paths", counts.paths());
        c.addProperty("replaySteps", counts.replaySteps());
        c.addProperty("walks", counts.walks());
        c.addProperty("walkActions", counts.walkActions());
        c.addProperty("seed", counts.seed());
        c.addProperty("walkBounds", counts.walkBounds());
        c.addProperty("millis", counts.millis());
        root.add("counts", c);
        root.add("coverage", coverage.toJson());
        JsonArray notesJson = new JsonArray();
        notes.forEach(notesJson::add);
        root.add("notes", notesJson);
        root.add("waived", waivedJson(waivers));
        JsonArray deviated = new JsonArray();
        deviations.rules().forEach((rule, d) -> {
            JsonObject o = new JsonObject();
            o.addProperty("id", rule.id());
            o.addProperty("reason", d.reason());
            o.addProperty("by", d.by());
            deviated.add(o);
        });
        root.add("deviations", deviated);
        JsonArray rules = new JsonArray();
        for (Row row : rows) {
            JsonObject r = new JsonObject();
            r.addProperty("id", row.rule().id());
            r.addProperty("level", row.rule().level().name());
            r.addProperty("summary", row.rule().summary());
            r.addProperty("verdict", row.verdict().name());
            r.addProperty("label", row.label());
            r.addProperty("evidence", row.evidence());
            r.addProperty("stressTierToo", row.stressTierToo());
            JsonArray operators = new JsonArray();
            row.rule().operators().forEach(op -> operators.add(op.name()));
            r.add("tla", operators);
            if (row.counterexample() != null) r.add("counterexample", json(row.counterexample()));
            rules.add(r);
        }
        root.add("rules", rules);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root);
    }

    /** {@code [{"id": "SC-11", "by": "…"}]}: the waived rules and who waived each, as every JSON report lists them. */
    public static JsonArray waivedJson(Waivers waivers) {
        JsonArray waived = new JsonArray();
        waivers.rules().forEach((rule, who) -> {
            JsonObject w = new JsonObject();
            w.addProperty("id", rule.id());
            w.addProperty("by", who);
            waived.add(w);
        });
        return waived;
    }

    private static JsonObject json(Counterexample cx) {
        JsonObject o = new JsonObject();
        o.addProperty("operator", cx.operator().name());
        o.addProperty("detail", cx.detail());
        JsonArray actions = new JsonArray();
        cx.actions().forEach(actions::add);
        o.add("actions", actions);
        o.addProperty("origin", cx.origin());
        if (cx.seed() != null) o.addProperty("seed", cx.seed());
        o.addProperty("shrunkFrom", cx.shrunkFrom());
        return o;
    }

    @Override
    public String toString() { return table(); }
}
