package org.sinkcheck.trace.algo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sinkcheck.reference.StepLog.Step;
import org.sinkcheck.tlc.SpecFolder;
import org.sinkcheck.tlc.Tlc;
import org.sinkcheck.tlc.TlcResult;
import org.sinkcheck.tlc.TlcRun;

/**
 * Validates a step-level log of the reference sink ({@link org.sinkcheck.reference.StepLog}) against
 * {@code CancelAllAlgo.tla} with TLC ({@code spec/tla/trace/CancelAllAlgoTrace.tla}): writes the log as
 * the generated module {@code AlgoTraceLog}, runs TLC once on the whole log (no segments at this level:
 * small logs only), and on a rejection names the rule from the steps TLC could not explain
 * ({@link AlgoDiagnosis}).
 *
 * @param workers  TLC's {@code -workers}
 * @param workRoot where each TLC run gets its folder
 * @param timeout  per TLC run
 */
public record AlgoTraceValidator(int workers, Path workRoot, Duration timeout) {
    private static final String MODULE = "trace/CancelAllAlgoTrace";
    private static final Pattern EXPLAINED = Pattern.compile("<<\"explained\", (\\d+), <<([^>]*)>>, <<([^>]*)>>>>");

    public AlgoTraceValidator {
        if (workers < 1) throw new IllegalArgumentException("TLC needs at least one worker, not " + workers);
    }

    /** The verdict on one log. {@code rejection} is null when accepted; {@code error} non-null when TLC could not check it. */
    public record Verdict(int threads, int steps, long distinctStates, Duration elapsed, AlgoDiagnosis rejection, String error) {
        public boolean accepted() { return rejection == null && error == null; }

        public String summary() {
            String size = threads + " threads, " + steps + " steps, " + distinctStates + " distinct states, "
                    + elapsed.toMillis() + " ms";
            if (error != null) return "step trace NOT CHECKED by TLC (CancelAllAlgo.tla): " + error + " (" + size + ")";
            if (rejection == null) return "step trace accepted by TLC (CancelAllAlgo.tla): " + size;
            return "step trace REJECTED by TLC (CancelAllAlgo.tla): " + rejection.text() + "\n  (" + size + ")";
        }
    }

    public Verdict validate(List<List<Step>> threads) {
        long start = System.nanoTime();
        int steps = threads.stream().mapToInt(List::size).sum();
        if (steps == 0) throw new IllegalArgumentException("the step log is empty: was the JVM run with -Dsinkcheck.reference.steps=true?");
        TlcResult result = Tlc.check(run(AlgoTraceLog.text(threads)));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        long states = Math.max(0, result.distinctStates());
        if (!result.passed()) return new Verdict(threads.size(), steps, states, elapsed, null, result.kind().words() + ": " + tail(result.log()));
        if (result.log().contains("<<\"accepted\">>")) return new Verdict(threads.size(), steps, states, elapsed, null, null);
        int[] pos = new int[threads.size()];
        String[] pc = new String[threads.size()];
        int best = -1;
        Matcher m = EXPLAINED.matcher(result.log());
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            if (n <= best) continue;
            best = n;
            String[] p = m.group(2).split(",\\s*");
            String[] q = m.group(3).split(",\\s*");
            for (int t = 0; t < pos.length; t++) {
                pos[t] = Integer.parseInt(p[t].trim());
                pc[t] = q[t].trim().replace("\"", "");
            }
        }
        if (best < 0) { // not even a first step: every thread is where it started
            java.util.Arrays.fill(pc, "idle");
        }
        return new Verdict(threads.size(), steps, states, elapsed, AlgoDiagnosis.of(threads, pos, pc), null);
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

    private static String tail(String log) {
        List<String> lines = new ArrayList<>(List.of(log.strip().split("\n")));
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    }
}
