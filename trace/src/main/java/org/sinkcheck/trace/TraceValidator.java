package org.sinkcheck.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sinkcheck.tlc.SpecFolder;
import org.sinkcheck.tlc.Tlc;
import org.sinkcheck.tlc.TlcResult;
import org.sinkcheck.tlc.TlcRun;

/**
 * Validates a trace against {@code CancelAll.tla} with TLC ({@code spec/tla/trace/CancelAllTrace.tla}):
 * cuts it into segments at quiet points, writes batches of segments as the generated module
 * {@code TraceLog}, runs TLC on each batch (a child JVM, through the spec module's {@link Tlc}), and
 * reports the first segment no behaviour of the spec explains, with the rule it breaks. A batch run only
 * says which segments are accepted; the first one that is not is checked again alone, printing its
 * longest explained prefix ({@code CancelAllTracePrefix.cfg}): that print costs a third of a check, and
 * only a rejected segment needs it.
 *
 * @param segmentEvents a segment ends at the first quiet point after this many events
 * @param batchEvents   segments are checked together in one TLC run up to this many events
 * @param workers       TLC's {@code -workers}
 * @param workRoot      where each TLC run gets its folder
 * @param timeout       per TLC run
 */
public record TraceValidator(int segmentEvents, int batchEvents, int workers, Path workRoot, Duration timeout) {
    private static final Pattern EXPLAINED = Pattern.compile("<<\"explained\", (\\d+), (\\d+)>>");
    private static final Pattern ACCEPTED = Pattern.compile("<<\"accepted\", (\\d+)>>");
    private static final String MODULE = "trace/CancelAllTrace";
    private static final String PREFIX_CONFIG = "trace/CancelAllTracePrefix";

    public TraceValidator {
        if (segmentEvents < 1 || batchEvents < 1) throw new IllegalArgumentException("segment and batch sizes must be positive");
        if (workers < 1) throw new IllegalArgumentException("TLC needs at least one worker, not " + workers);
    }

    /** The sizes chosen from the measurements in docs/trace.md, both cores, runs under {@code workRoot}. */
    public static TraceValidator defaults(Path workRoot) {
        return new TraceValidator(200, 20_000, 2, workRoot, Duration.ofMinutes(10));
    }

    public TraceValidator segmentEvents(int n) { return new TraceValidator(n, batchEvents, workers, workRoot, timeout); }

    public TraceValidator batchEvents(int n) { return new TraceValidator(segmentEvents, n, workers, workRoot, timeout); }

    public TraceValidator workers(int n) { return new TraceValidator(segmentEvents, batchEvents, n, workRoot, timeout); }

    /** Checks every segment of {@code trace}, batch by batch, and stops after the first batch with a rejected segment. */
    public TraceReport validate(TraceFile trace) {
        long start = System.nanoTime();
        List<Segment> segments = Segment.cut(trace, segmentEvents);
        long states = 0;
        int checked = 0;
        long events = 0;
        for (List<Segment> batch : batches(segments)) {
            TlcResult result = check(TraceLogModule.of(trace, batch), MODULE);
            if (!result.passed()) return notChecked(trace, batch, result, checked, events, states, start);
            states += Math.max(0, result.distinctStates());
            Set<Integer> accepted = new HashSet<>();
            Matcher a = ACCEPTED.matcher(result.log());
            while (a.find()) accepted.add(Integer.parseInt(a.group(1)));
            for (int i = 0; i < batch.size(); i++) {
                Segment segment = batch.get(i);
                if (accepted.contains(i + 1)) {
                    checked++;
                    events += segment.size();
                    continue;
                }
                TlcResult alone = check(TraceLogModule.of(trace, List.of(segment)), PREFIX_CONFIG);
                if (!alone.passed()) return notChecked(trace, List.of(segment), alone, checked, events, states, start);
                int explained = explained(alone.log(), 1);
                Diagnosis.Finding finding = Diagnosis.of(trace, segment, explained);
                return TraceReport.rejected(trace, checked + 1, events + explained, states, elapsed(start),
                        new TraceReport.Rejection(segment, explained, finding));
            }
        }
        return TraceReport.accepted(trace, checked, events, states, elapsed(start));
    }

    private static TraceReport notChecked(TraceFile trace, List<Segment> batch, TlcResult result, int checked, long events,
                                          long states, long start) {
        return TraceReport.error(trace, checked, events, states, elapsed(start),
                "TLC could not check segments " + batch.get(0).index() + "-" + batch.get(batch.size() - 1).index()
                        + " (" + result.kind().words() + "): " + lastLines(result.log()));
    }

    private List<List<Segment>> batches(List<Segment> segments) {
        return Batches.of(segments, Segment::size, batchEvents);
    }

    /**
     * TLC on {@code module} with {@code config} (the module's own, or the one that prints the prefix), in a
     * folder of its own that is removed after a run that passed (Tlc keeps the log of one that did not).
     */
    private TlcResult check(TraceLogModule module, String config) {
        Path folder;
        try {
            Files.createDirectories(workRoot);
            folder = Files.createTempDirectory(workRoot, "trace-");
            SpecFolder.locate(folder.resolve("extracted")).copyTo(folder.resolve("tla"));
            Files.writeString(folder.resolve("tla/trace/TraceLog.tla"), module.text());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare a TLC run under " + workRoot, e);
        }
        TlcResult result = Tlc.check(TlcRun.of(MODULE, config + ".cfg").withFolder(new SpecFolder(folder.resolve("tla")))
                .withWorkRoot(workRoot).withWorkers(workers).withHeapMb(1024).withTimeout(timeout));
        if (result.passed()) SpecFolder.deleteTree(folder);
        return result;
    }

    /** The longest prefix of segment {@code seg} (1-based in its run) some behaviour explains. */
    private static int explained(String log, int seg) {
        int max = 0;
        Matcher m = EXPLAINED.matcher(log);
        while (m.find()) if (Integer.parseInt(m.group(1)) == seg) max = Math.max(max, Integer.parseInt(m.group(2)));
        return max;
    }

    private static Duration elapsed(long start) { return Duration.ofNanos(System.nanoTime() - start); }

    private static String lastLines(String log) {
        String[] lines = log.strip().split("\n");
        return String.join(" | ", java.util.Arrays.asList(lines).subList(Math.max(0, lines.length - 3), lines.length));
    }

}
