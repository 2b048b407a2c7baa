package org.sinkcheck.bench;

import com.google.gson.GsonBuilder;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.sinkcheck.bench.report.BenchReport;
import org.sinkcheck.bench.report.CancelPlot;
import org.sinkcheck.bench.report.Footprint;
import org.sinkcheck.bench.report.JmhJson;
import org.sinkcheck.bench.report.MemoryFigures;
import org.sinkcheck.bench.report.Target;

/**
 * {@code ./sinkcheck bench}: runs the comparison and writes one results folder ({@link ResultsFolder}:
 * the JMH results, the memory figures, the footprints, the table of targets, the cancel latency plot and
 * JMH's own log). A plain Java API: it never exits the JVM; the gate maps its outcome to an exit code.
 *
 * <p>JMH runs in this process through {@link Runner}; the quick and full profiles fork a JVM per trial
 * from this JVM's class path, so that class path must hold the bench module and its dependencies (and
 * an author's adapter, when one is the subject).
 */
public final class BenchRunner {
    private BenchRunner() {}

    /**
     * What a run produced.
     *
     * @param folder the results folder
     * @param report the table, ratios and targets
     */
    public record Outcome(Path folder, BenchReport report) {}

    /**
     * Runs {@code profile}.
     *
     * @param profile        smoke, quick or full
     * @param out            the results folder, or null for {@code bench/results/<UTC timestamp>}
     * @param subjectAdapter the adapter class of the sink to judge, or null for the reference sink
     * @param console        receives progress lines and, last, where the results are
     */
    public static Outcome run(Profile profile, Path out, String subjectAdapter, PrintStream console)
            throws IOException, RunnerException {
        String subject = subjectAdapter == null || subjectAdapter.isBlank() ? Implementation.REFERENCE.id() : subjectAdapter;
        Implementation.adapter(subject); // a wrong class name fails here, in one line, before any JVM forks
        Path folder = out != null ? out : defaultFolder();
        Files.createDirectories(folder);
        ResultsFolder results = new ResultsFolder(folder);
        String loadBefore = loadAverage();
        Instant started = Instant.now();

        List<Path> parts = new ArrayList<>();
        Path footprints = results.footprints();
        Files.deleteIfExists(footprints);
        String footprintsBefore = System.getProperty(Footprint.FILE_PROPERTY);
        System.setProperty(Footprint.FILE_PROPERTY, footprints.toAbsolutePath().toString()); // passes run in this JVM (smoke)
        try (PrintStream jmhLog = new PrintStream(new FileOutputStream(results.log().toFile()), true, StandardCharsets.UTF_8)) {
            List<Pass> passes = BenchPlan.passes(profile, subject);
            for (int i = 0; i < passes.size(); i++) {
                Pass pass = passes.get(i);
                console.printf("bench: %s pass %d/%d: %s%n", profile, i + 1, passes.size(), pass.name());
                Path part = folder.resolve("jmh-pass-" + (i + 1) + ".json");
                new Runner(pass.options(part, footprints), OutputFormatFactory.createFormatInstance(jmhLog, VerboseMode.NORMAL)).run();
                parts.add(part);
            }
        } finally {
            if (footprintsBefore == null) System.clearProperty(Footprint.FILE_PROPERTY);
            else System.setProperty(Footprint.FILE_PROPERTY, footprintsBefore);
        }
        Path json = results.jmhResults();
        JmhJson.merge(parts, json);
        for (Path part : parts) Files.delete(part);

        int memoryCalls = BenchPlan.memoryCalls(profile);
        console.printf("bench: memory per pending call, allocation by cancel, stale-handle reach (N = %d)%n", memoryCalls);
        Map<String, MemoryFigures> memory = new LinkedHashMap<>();
        for (String impl : BenchPlan.cancelImplementations(subject)) memory.put(impl, MemoryProbe.measure(Implementation.adapter(impl), memoryCalls));
        Files.writeString(results.memory(), new GsonBuilder().setPrettyPrinting().create().toJson(
                Map.of("pendingCalls", memoryCalls, "byImplementation", memory)));

        String provenance = provenance(profile, started, Duration.between(started, Instant.now()), loadBefore, loadAverage());
        BenchReport report = new BenchReport(JmhJson.read(json), subject, LoadedSink.batchesNatively(Implementation.adapter(subject)),
                memory, memoryCalls, Footprint.readAll(footprints), provenance);
        Files.writeString(results.table(), report.markdown());
        CancelPlot.write(report, results.plot());
        for (Target t : report.targets()) {
            console.printf("bench: %-12s %s (%s)%n", t.verdict(), t.goal(), t.reason());
        }
        console.println("bench: wrote " + folder.toAbsolutePath() + " (" + results.files().stream().map(file -> file.getFileName().toString()).collect(Collectors.joining(", ")) + ")");
        return new Outcome(folder, report);
    }

    /** {@code bench/results/<timestamp>} when run from the repository root, else {@code results/<timestamp>}. */
    private static Path defaultFolder() {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        Path root = Files.isDirectory(Path.of("bench")) ? Path.of("bench", "results") : Path.of("results");
        return root.resolve(stamp);
    }

    private static String provenance(Profile profile, Instant started, Duration took, String loadBefore, String loadAfter) {
        return "Machine: " + cpuModel().map(m -> m + ", ").orElse("") + Runtime.getRuntime().availableProcessors()
                + " cores visible, " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                + ". JDK: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + ". Date: " + started.truncatedTo(ChronoUnit.SECONDS) + " (UTC). Profile: " + profile
                + ", " + took.toMinutes() + " min " + took.toSecondsPart() + " s (the JMH passes and the memory probe)"
                + ". Load average (1, 5, 15 min) before: " + loadBefore + "; after: " + loadAfter
                + ". JVM arguments of the forks: " + String.join(" ", BenchPlan.FORK_JVM_ARGS) + ".";
    }

    private static Optional<String> cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (IOException | RuntimeException e) {
            return load < 0 ? "unknown" : String.valueOf(load);
        }
    }

    /**
     * {@code BenchRunner [smoke|quick|full] [--full] [--out DIR] [--adapter CLASS]}: the same as
     * {@link #run}, from a shell. Exits non-zero only on bad arguments or a failed run.
     */
    public static void main(String[] args) {
        Profile profile = Profile.QUICK;
        Path out = null;
        String adapter = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--full" -> profile = Profile.FULL;
                    case "--out" -> out = Path.of(value(args, ++i, "--out"));
                    case "--adapter" -> adapter = value(args, ++i, "--adapter");
                    default -> profile = Profile.parse(args[i]);
                }
            }
            run(profile, out, adapter, System.out);
        } catch (IllegalArgumentException | IOException | RunnerException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) throw new IllegalArgumentException("bench: " + option + " needs a value");
        return args[index];
    }
}
