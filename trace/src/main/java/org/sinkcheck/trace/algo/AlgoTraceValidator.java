package org.sinkcheck.trace.algo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sinkcheck.reference.StepLog.Step;
import org.sinkcheck.trace.Batches;
import org.sinkcheck.tlc.SpecFolder;
import org.sinkcheck.tlc.Tlc;
import org.sinkcheck.tlc.TlcResult;
import org.sinkcheck.tlc.TlcRun;

/**
 * Validates a step-level log of the reference sink ({@link org.sinkcheck.reference.StepLog}) against
 * {@code CancelAllAlgo.tla} with TLC ({@code spec/tla/trace/CancelAllAlgoTrace.tla}): cuts it into
 * segments at quiet points ({@link AlgoSegment}), writes batches of segments as the generated module
 * {@code AlgoTraceLog}, runs TLC once per batch, and names the rule of the first rejected segment from the
 * steps TLC could not explain there ({@link AlgoDiagnosis}).
 *
 * @param segmentSteps a segment ends at the first quiet point after this many steps
 * @param batchSteps   segments are checked together in one TLC run up to this many steps
 * @param workers      TLC's {@code -workers}
 * @param workRoot     where each TLC run gets its folder
 * @param timeout      per TLC run
 */
public record AlgoTraceValidator(int segmentSteps, int batchSteps, int workers, Path workRoot, Duration timeout) {
    private static final String MODULE = "trace/CancelAllAlgoTrace";
    private static final Pattern EXPLAINED = Pattern.compile("<<\"explained\", (\\d+), (\\d+), <<([^>]*)>>, <<([^>]*)>>>>");
    private static final Pattern ACCEPTED = Pattern.compile("<<\"accepted\", (\\d+)>>");
    /** The sizes docs/measurements/algo-trace-2026-12-02.md chose ("Segments"). */
    public static final int SEGMENT_STEPS = 250;
    public static final int BATCH_STEPS = 10_000;

    public AlgoTraceValidator {
        if (segmentSteps < 1 || batchSteps < 1) throw new IllegalArgumentException("segment and batch sizes must be positive");
        if (workers < 1) throw new IllegalArgumentException("TLC needs at least one worker, not " + workers);
    }

    /** The measured sizes. */
    public AlgoTraceValidator(int workers, Path workRoot, Duration timeout) {
        this(SEGMENT_STEPS, BATCH_STEPS, workers, workRoot, timeout);
    }

    public AlgoTraceValidator segmentSteps(int n) { return new AlgoTraceValidator(n, batchSteps, workers, workRoot, timeout); }

    /**
     * The verdict on one log. {@code rejection} is null when accepted; {@code error} non-null when TLC could
     * not check it; {@code rejectedSegment} the segment rejected or not checked (0 if none).
     */
    public record Verdict(int threads, int steps, int segments, int checked, long distinctStates, Duration elapsed,
                          int rejectedSegment, AlgoDiagnosis rejection, String error) {
        public boolean accepted() { return rejection == null && error == null; }

        public String summary() {
            String size = threads + " threads, " + steps + " steps in " + segments + (segments == 1 ? " segment" : " segments")
                    + " (" + checked + " checked), " + distinctStates + " distinct states, " + elapsed.toMillis() + " ms";
            if (error != null) return "step trace NOT CHECKED by TLC (CancelAllAlgo.tla): " + error + " (" + size + ")";
            if (rejection == null) return "step trace accepted by TLC (CancelAllAlgo.tla): " + size;
            String where = segments == 1 ? "" : "\n  in segment " + rejectedSegment + " of " + segments
                    + " (it starts at a quiet point; steps are numbered in the whole log)";
            return "step trace REJECTED by TLC (CancelAllAlgo.tla): " + rejection.text() + where + "\n  (" + size + ")";
        }
    }

    /** A log without quiet points: one segment. */
    public Verdict validate(List<List<Step>> threads) { return validate(StepTrace.of(threads)); }

    /** Checks every segment of {@code trace}, batch by batch, and stops at the first batch with a rejected segment. */
    public Verdict validate(StepTrace trace) {
        long start = System.nanoTime();
        int steps = trace.steps();
        if (steps == 0) throw new IllegalArgumentException("the step log is empty: was the JVM run with -Dsinkcheck.reference.steps=true?");
        List<AlgoSegment> segments = AlgoSegment.cut(trace, segmentSteps);
        int n = trace.threads().size();
        long states = 0;
        int checked = 0;
        for (List<AlgoSegment> batch : batches(segments)) {
            TlcResult result = Tlc.check(run(AlgoTraceLog.text(batch)));
            states += Math.max(0, result.distinctStates());
            if (!result.passed()) {
                return new Verdict(n, steps, segments.size(), checked, states, elapsed(start), batch.get(0).index(), null,
                        "segments " + batch.get(0).index() + "-" + batch.get(batch.size() - 1).index() + ": "
                                + result.kind().words() + ": " + tail(result.log()));
            }
            Set<Integer> accepted = new HashSet<>();
            Matcher a = ACCEPTED.matcher(result.log());
            while (a.find()) accepted.add(Integer.parseInt(a.group(1)));
            for (int g = 0; g < batch.size(); g++) {
                if (accepted.contains(g + 1)) {
                    checked++;
                    continue;
                }
                AlgoSegment segment = batch.get(g);
                return new Verdict(n, steps, segments.size(), checked + 1, states, elapsed(start), segment.index(),
                        diagnose(result.log(), g + 1, segment), null);
            }
        }
        return new Verdict(n, steps, segments.size(), checked, states, elapsed(start), 0, null, null);
    }

    /** From the most-explained state TLC printed for segment {@code seg} (1-based in its run). */
    private static AlgoDiagnosis diagnose(String log, int seg, AlgoSegment segment) {
        int n = segment.threads().size();
        int[] pos = new int[n];
        String[] pc = new String[n];
        Arrays.fill(pc, "idle"); // not even a first step explained: every thread is where it started
        int best = -1;
        Matcher m = EXPLAINED.matcher(log);
        while (m.find()) {
            int explained = Integer.parseInt(m.group(2));
            if (Integer.parseInt(m.group(1)) != seg || explained <= best) continue;
            best = explained;
            String[] p = m.group(3).split(",\\s*");
            String[] q = m.group(4).split(",\\s*");
            for (int t = 0; t < n; t++) {
                pos[t] = Integer.parseInt(p[t].trim());
                pc[t] = q[t].trim().replace("\"", "");
            }
        }
        return AlgoDiagnosis.of(segment.threads(), segment.offsets(), pos, pc);
    }

    private List<List<AlgoSegment>> batches(List<AlgoSegment> segments) {
        return Batches.of(segments, AlgoSegment::steps, batchSteps);
    }

    private TlcRun run(String logModule) {
        try {
            Files.createDirectories(workRoot);
            Path folder = Files.createTempDirectory(workRoot, "algo-trace-");
            SpecFolder.locate(folder.resolve("extracted")).copyTo(folder.resolve("tla"));
            Files.writeString(folder.resolve("tla/trace/AlgoTraceLog.tla"), logModule);
            return TlcRun.of(MODULE, MODULE + ".cfg").withFolder(new SpecFolder(folder.resolve("tla")))
                    .withWorkRoot(workRoot).withWorkers(workers).withHeapMb(1024).withTimeout(timeout);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare a TLC run under " + workRoot, e);
        }
    }

    private static Duration elapsed(long start) { return Duration.ofNanos(System.nanoTime() - start); }

    private static String tail(String log) {
        List<String> lines = new ArrayList<>(List.of(log.strip().split("\n")));
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    }
}
