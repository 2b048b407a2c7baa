package org.sinkcheck.mutants.kills;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.sinkcheck.mutants.Controls;
import org.sinkcheck.mutants.Controls.Control;
import org.sinkcheck.mutants.Mutants;
import org.sinkcheck.mutants.Mutants.Mutant;
import org.sinkcheck.rules.Rule;

/**
 * The kill-rate table: every mutant of {@link Mutants#ALL} and every correct control ({@link Controls#ALL}
 * and the reference sink) against every {@link Tier}, from the {@link KillRecords} the tiers' tests wrote
 * in this build. A mutant's cell says whether the tier caught it by the rule its name gives, by another
 * rule only, or missed it; a control's, whether the tier reported anything (a false positive) or nothing.
 * A tier that did not run a sink says why ({@link KillRecords#notRun}); one with no record of it at all is
 * "not wired". Nothing here is hand-written: a mutant added to the catalogue gets its row from the list,
 * and its cells from whatever records the tiers wrote.
 */
public final class KillRates {
    /** How one tier did on one sink. */
    public enum Verdict {
        OWN_RULE("caught by its own rule"), OTHER_RULE("caught by another rule only"), MISSED("missed"),
        CLEAN("no finding"), FALSE_POSITIVE("FINDINGS on a correct sink"), NOT_RUN("not run"), NOT_WIRED("not wired");

        private final String words;

        Verdict(String words) { this.words = words; }

        public String words() { return words; }
    }

    /** What the records say of one sink in one tier: merged over the tests that ran it there. */
    public record Cell(Verdict verdict, Set<Rule> rules, List<String> notes) {}

    private final Map<String, Map<Tier, List<JsonObject>>> records = new HashMap<>();
    private final Map<Tier, Instant> newest = new EnumMap<>(Tier.class);
    private final int files;

    private KillRates(List<JsonObject> lines, int files) {
        this.files = files;
        for (JsonObject line : lines) {
            Tier tier = Tier.valueOf(line.get("tier").getAsString());
            records.computeIfAbsent(line.get("subject").getAsString(), s -> new EnumMap<>(Tier.class))
                    .computeIfAbsent(tier, t -> new ArrayList<>()).add(line);
            Instant at = Instant.parse(line.get("at").getAsString());
            newest.merge(tier, at, (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    /** The records in {@code directories} (each a folder of {@code *.ndjson} files; missing ones are skipped). */
    public static KillRates read(Collection<Path> directories) {
        List<JsonObject> lines = new ArrayList<>();
        int files = 0;
        for (Path directory : directories) {
            if (!Files.isDirectory(directory)) continue;
            try (Stream<Path> list = Files.list(directory)) {
                for (Path file : list.filter(p -> p.getFileName().toString().endsWith(KillRecords.SUFFIX)).sorted().toList()) {
                    files++;
                    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                        if (!line.isBlank()) lines.add(GSON.fromJson(line, JsonObject.class));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the kill records in " + directory + ": " + e.getMessage(), e);
            }
        }
        return new KillRates(lines, files);
    }

    /** {@code mutant}'s cell in {@code tier}. */
    public Cell cell(Mutant mutant, Tier tier) { return cell(mutant.name(), Optional.of(mutant.rule()), tier); }

    /** The cell of a correct sink, by its subject name ({@link Control#name()} or {@link KillRecords#REFERENCE}). */
    public Cell controlCell(String control, Tier tier) { return cell(control, Optional.empty(), tier); }

    private Cell cell(String subject, Optional<Rule> own, Tier tier) {
        List<JsonObject> lines = records.getOrDefault(subject, Map.of()).getOrDefault(tier, List.of());
        Set<Rule> rules = new TreeSet<>();
        List<String> notes = new ArrayList<>();
        boolean ran = false;
        for (JsonObject line : lines) {
            ran |= line.get("ran").getAsBoolean();
            if (line.has("rules")) line.getAsJsonArray("rules").forEach(id -> rules.add(Rule.ofId(id.getAsString())));
            notes.add(line.get("test").getAsString() + ": " + line.get("note").getAsString());
        }
        Verdict verdict;
        if (lines.isEmpty()) verdict = Verdict.NOT_WIRED;
        else if (!ran) verdict = Verdict.NOT_RUN;
        else if (own.isEmpty()) verdict = rules.isEmpty() ? Verdict.CLEAN : Verdict.FALSE_POSITIVE;
        else if (rules.contains(own.get())) verdict = Verdict.OWN_RULE;
        else verdict = rules.isEmpty() ? Verdict.MISSED : Verdict.OTHER_RULE;
        return new Cell(verdict, rules, notes);
    }

    /** The correct sinks: every control, then the reference sink. */
    public static List<String> controls() {
        List<String> names = new ArrayList<>(Controls.ALL.stream().map(Control::name).toList());
        names.add(KillRecords.REFERENCE);
        return names;
    }

    /** Every finding on a correct sink, as {@code control in tier: rules}: must be none. */
    public List<String> falsePositives() {
        List<String> found = new ArrayList<>();
        for (String control : controls()) {
            for (Tier tier : Tier.values()) {
                Cell cell = controlCell(control, tier);
                if (cell.verdict() == Verdict.FALSE_POSITIVE) found.add(control + " in " + tier.title() + ": " + ids(cell.rules()));
            }
        }
        return found;
    }

    /** How many mutants {@code tier} ran, and of them how many each verdict. */
    public Map<Verdict, Long> totals(Tier tier) {
        return Mutants.ALL.stream().map(m -> cell(m, tier).verdict())
                .collect(Collectors.groupingBy(v -> v, () -> new EnumMap<>(Verdict.class), Collectors.counting()));
    }

    /** The table as Markdown: the mutants, the kill rate per tier, the controls, and why cells were not run. */
    public String markdown() {
        StringBuilder md = new StringBuilder("# Kill rates\n\n");
        md.append("Produced by the build from ").append(files).append(" record files of the tiers' tests (`KillRecords`);"
                + " a cell says what that tier reported: **SC-nn** caught by the rule the mutant's name gives (other rules"
                + " it also reported in brackets), `other: SC-nn` caught by another rule only, `missed`, `not run` (why: below),"
                + " `not wired` (that tier records no outcome for it). Newest record per tier: ");
        md.append(java.util.Arrays.stream(Tier.values()).map(t -> t.title() + " " + Optional.ofNullable(newest.get(t)).map(Instant::toString).orElse("none"))
                .collect(Collectors.joining("; "))).append(".\n\n");
        md.append("| mutant | its rule (name) | its bug (`@BugPattern`) |");
        for (Tier tier : Tier.values()) md.append(' ').append(tier.title()).append(" |");
        md.append("\n|---|---|---|").append("---|".repeat(Tier.values().length)).append('\n');
        for (Mutant m : Mutants.ALL) {
            md.append("| `").append(m.name()).append("` | ").append(m.rule().id()).append(m.concurrencyOnly() ? " (concurrency only)" : "")
                    .append(" | ").append(m.pattern().replace("|", "\\|")).append(" |");
            for (Tier tier : Tier.values()) md.append(' ').append(words(cell(m, tier), m)).append(" |");
            md.append('\n');
        }
        md.append("| **kill rate** (own rule / run) | | |");
        for (Tier tier : Tier.values()) md.append(' ').append(rate(totals(tier))).append(" |");
        md.append("\n\n## Correct controls: no finding in any tier\n\n| control | design |");
        for (Tier tier : Tier.values()) md.append(' ').append(tier.title()).append(" |");
        md.append("\n|---|---|").append("---|".repeat(Tier.values().length)).append('\n');
        for (String control : controls()) {
            String design = Controls.ALL.stream().filter(c -> c.name().equals(control)).map(Control::design).findFirst()
                    .orElse("the lock-free reference sink");
            md.append("| `").append(control).append("` | ").append(design).append(" |");
            for (Tier tier : Tier.values()) md.append(' ').append(words(controlCell(control, tier))).append(" |");
            md.append('\n');
        }
        List<String> fp = falsePositives();
        md.append("\nFalse positives: ").append(fp.isEmpty() ? "none" : String.join("; ", fp)).append(".\n\n## Not run, and why\n\n");
        for (Tier tier : Tier.values()) {
            List<String> why = new ArrayList<>();
            for (String subject : subjects()) {
                Cell cell = cell(subject, Optional.empty(), tier);
                if (cell.verdict() == Verdict.NOT_RUN) why.add("`" + subject + "`: " + String.join("; ", cell.notes()));
            }
            if (!why.isEmpty()) md.append("- ").append(tier.title()).append(":\n").append(why.stream().map(w -> "  - " + w + "\n").collect(Collectors.joining()));
        }
        return md.toString();
    }

    /** The same table as JSON, for tools: per tier the totals, per sink its cell in each tier. */
    public JsonObject json() {
        JsonObject root = new JsonObject();
        JsonObject tiers = new JsonObject();
        for (Tier tier : Tier.values()) {
            JsonObject t = new JsonObject();
            t.addProperty("title", tier.title());
            t.addProperty("newestRecord", Optional.ofNullable(newest.get(tier)).map(Instant::toString).orElse(null));
            totals(tier).forEach((v, n) -> t.addProperty(v.name(), n));
            tiers.add(tier.name(), t);
        }
        root.add("tiers", tiers);
        JsonArray mutants = new JsonArray();
        for (Mutant m : Mutants.ALL) {
            JsonObject o = new JsonObject();
            o.addProperty("name", m.name());
            o.addProperty("rule", m.rule().id());
            o.addProperty("bugPattern", m.pattern());
            o.addProperty("concurrencyOnly", m.concurrencyOnly());
            o.add("tiers", cells(tier -> cell(m, tier)));
            mutants.add(o);
        }
        root.add("mutants", mutants);
        JsonArray controls = new JsonArray();
        for (String control : controls()) {
            JsonObject o = new JsonObject();
            o.addProperty("name", control);
            o.add("tiers", cells(tier -> controlCell(control, tier)));
            controls.add(o);
        }
        root.add("controls", controls);
        JsonArray fp = new JsonArray();
        falsePositives().forEach(fp::add);
        root.add("falsePositives", fp);
        return root;
    }

    /** Writes {@code kill-rates.md} and {@code kill-rates.json} into {@code directory}; returns the Markdown file. */
    public Path write(Path directory) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("kill-rates.json"), PRETTY.toJson(json()) + "\n", StandardCharsets.UTF_8);
            return Files.writeString(directory.resolve("kill-rates.md"), markdown(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the kill-rate table into " + directory + ": " + e.getMessage(), e);
        }
    }

    private Set<String> subjects() { return new TreeSet<>(records.keySet()); }

    private static JsonElement cells(java.util.function.Function<Tier, Cell> cellOf) {
        JsonObject o = new JsonObject();
        for (Tier tier : Tier.values()) {
            Cell cell = cellOf.apply(tier);
            JsonObject c = new JsonObject();
            c.addProperty("verdict", cell.verdict().name());
            JsonArray rules = new JsonArray();
            cell.rules().forEach(r -> rules.add(r.id()));
            c.add("rules", rules);
            JsonArray notes = new JsonArray();
            cell.notes().forEach(notes::add);
            c.add("notes", notes);
            o.add(tier.name(), c);
        }
        return o;
    }

    private static String words(Cell cell, Mutant mutant) {
        if (cell.verdict() != Verdict.OWN_RULE) return words(cell);
        List<Rule> others = cell.rules().stream().filter(r -> r != mutant.rule()).toList();
        return "**" + mutant.rule().id() + "**" + (others.isEmpty() ? "" : " (" + ids(others) + ")");
    }

    private static String words(Cell cell) {
        return switch (cell.verdict()) {
            case OTHER_RULE -> "other: " + ids(cell.rules());
            case FALSE_POSITIVE -> "**FINDINGS**: " + ids(cell.rules());
            case CLEAN -> "clean";
            default -> cell.verdict().words();
        };
    }

    private static String rate(Map<Verdict, Long> totals) {
        long own = totals.getOrDefault(Verdict.OWN_RULE, 0L);
        long other = totals.getOrDefault(Verdict.OTHER_RULE, 0L);
        long missed = totals.getOrDefault(Verdict.MISSED, 0L);
        long run = own + other + missed;
        return run == 0 ? "none run" : String.format("**%d/%d (%d%%)**; other rule %d; missed %d", own, run, own * 100 / run, other, missed);
    }

    private static String ids(Collection<Rule> rules) { return rules.stream().map(Rule::id).collect(Collectors.joining(", ")); }

    private static final Gson GSON = new Gson();
    private static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().serializeNulls().create();
}
