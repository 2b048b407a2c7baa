package org.sinkcheck.mutants.kills;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.sinkcheck.rules.Rule;

/**
 * What each tier's mutant test saw, one line per sink it ran: the test records, {@link KillRates} reads.
 * A test calls {@link #ran} with the rules the tier reported broken for a mutant or a control (none: the
 * mutant was missed, the control is clean), or {@link #notRun} with the reason; nothing is judged here.
 *
 * <p>Each test class writes its own file, {@code <tier>-<test class>.ndjson}, in the module's
 * {@code target/kill-records} (Surefire's working folder is the module; {@link #inBuild}), emptied by the
 * first record of a JVM: a file holds the newest run of its test class only, and every line carries the
 * time it was written, which the table shows, so a tier that did not run this build reads as older.
 */
public final class KillRecords {
    /** Where the records of this build go: the system property {@value #PROPERTY}, else {@code target/kill-records}. */
    public static final String PROPERTY = "sinkcheck.kill.records";
    static final String SUFFIX = ".ndjson";

    /** The subject name of the reference sink in the records (mutants and controls go by their class's simple name). */
    public static final String REFERENCE = "ReferenceSink";

    private static final KillRecords IN_BUILD = new KillRecords(Path.of(System.getProperty(PROPERTY, "target/kill-records")));
    private static final Gson GSON = new Gson();

    private final Path directory;
    private final Set<Path> started = new HashSet<>();

    /** Records kept in {@code directory}. */
    public KillRecords(Path directory) { this.directory = directory; }

    /** The records of this build, in the module's {@code target/kill-records} (or where {@value #PROPERTY} says). */
    public static KillRecords inBuild() { return IN_BUILD; }

    /** {@code test} ran {@code subject} in {@code tier}, which reported {@code rulesBroken}; {@code how} says with what, briefly. */
    public void ran(Tier tier, Class<?> test, String subject, Collection<Rule> rulesBroken, String how) {
        JsonArray rules = new JsonArray();
        rulesBroken.stream().map(Rule::id).distinct().sorted().forEach(rules::add);
        JsonObject line = line(tier, test, subject, true, how);
        line.add("rules", rules);
        write(tier, test, line);
    }

    /** {@code test} did not run {@code subject} in {@code tier}, for {@code reason}. */
    public void notRun(Tier tier, Class<?> test, String subject, String reason) {
        write(tier, test, line(tier, test, subject, false, reason));
    }

    private static JsonObject line(Tier tier, Class<?> test, String subject, boolean ran, String note) {
        JsonObject o = new JsonObject();
        o.addProperty("tier", tier.name());
        o.addProperty("test", test.getSimpleName());
        o.addProperty("subject", subject);
        o.addProperty("ran", ran);
        o.addProperty("note", note);
        o.addProperty("at", Instant.now().toString());
        return o;
    }

    private synchronized void write(Tier tier, Class<?> test, JsonObject line) {
        Path file = directory.resolve(tier.name().toLowerCase() + "-" + test.getSimpleName() + SUFFIX);
        try {
            Files.createDirectories(directory);
            StandardOpenOption mode = started.add(file) ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND;
            Files.writeString(file, GSON.toJson(line) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, mode,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the kill record " + file + ": " + e.getMessage(), e);
        }
    }
}
