package org.sinkcheck.trace;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.sinkcheck.kit.trace.TraceEvent;
import org.sinkcheck.kit.trace.TraceSamples;

/**
 * Validates a folder of sampled traces, as the stress tier's forks write them ({@code <race>-<pid>.ndjson},
 * each a sequence of samples ended by {@code quiet}; a Lincheck JVM writes {@code <race>-<pid>-<k>.ndjson},
 * one invocation each): the files of one name are merged into one trace,
 * {@code merged/<race>.ndjson}, checked by one TLC run with every sample a segment of its own, so a
 * rejection names the sample ({@code segment k}) and the file that re-validates it.
 */
public final class SampledTraces {
    private static final Pattern FORK_FILE = Pattern.compile("([^-]+)-(\\d+)(?:-\\d+)?\\.ndjson");

    private SampledTraces() {}

    /** What one race's samples gave: how many, how many events, and TLC's report on their merged file. */
    public record Verdict(String race, Path file, int samples, long events, TraceReport report) {
        /** The line a person reads first; a rejection is followed by the report itself. */
        public String line() {
            String counts = race + ": " + samples + " samples, " + events + " events: ";
            if (report.error().isPresent()) return counts + "NOT CHECKED: " + report.error().get();
            if (report.accepted()) {
                return counts + String.format("ACCEPTED (%,d distinct states, %.1f s)", report.states(), report.elapsed().toNanos() / 1e9);
            }
            return counts + "REJECTED " + report.rejection().flatMap(TraceReport.Rejection::rule).map(r -> r.id()).orElse("(no rule named)")
                    + " (re-validate: ./sinkcheck trace --validate " + file + ")";
        }
    }

    /**
     * Merges and validates each race's files in {@code folder}, in the order of the races' names; an empty
     * list if the folder holds none. A file that is not a trace is a {@link TraceFile.BadTraceException}.
     */
    public static List<Verdict> validate(Path folder, TraceValidator validator) {
        Map<String, List<Path>> byRace = new TreeMap<>();
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> files = Files.list(folder)) {
            files.sorted().forEach(f -> {
                Matcher m = FORK_FILE.matcher(f.getFileName().toString());
                if (Files.isRegularFile(f) && m.matches()) byRace.computeIfAbsent(m.group(1), r -> new ArrayList<>()).add(f);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the race traces in " + folder, e);
        }
        List<Verdict> verdicts = new ArrayList<>();
        for (Map.Entry<String, List<Path>> race : byRace.entrySet()) {
            TraceSamples samples = new TraceSamples();
            int count = 0;
            for (Path fork : race.getValue()) {
                List<TraceEvent> events = TraceFile.read(fork).events();
                count += (int) events.stream().filter(e -> e.kind() == TraceEvent.Kind.QUIET).count();
                try {
                    samples.add(events);
                } catch (IllegalArgumentException notEndedQuiet) {
                    throw new TraceFile.BadTraceException(fork + ": " + notEndedQuiet.getMessage());
                }
            }
            Path merged = folder.resolve("merged").resolve(race.getKey() + ".ndjson");
            List<TraceEvent> written = samples.write(merged);
            // one segment per sample: each ends at its quiet; the events as written, not read back
            TraceReport report = validator.segmentEvents(1).validate(TraceFile.of(merged.toString(), written));
            verdicts.add(new Verdict(race.getKey(), merged, count, samples.events(), report));
        }
        return verdicts;
    }

    /** Prints one line per race, and after a rejected race TLC's report (the rule, the prefix, the command). */
    public static void print(List<Verdict> verdicts, PrintStream out) {
        for (Verdict v : verdicts) {
            out.println("  " + v.line());
            if (v.report().rejection().isPresent()) v.report().print(out);
        }
    }
}
