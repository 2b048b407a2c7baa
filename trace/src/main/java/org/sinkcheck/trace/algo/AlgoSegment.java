package org.sinkcheck.trace.algo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.sinkcheck.reference.StepLog.Step;

/**
 * One independent piece of a step log, cut at quiet points ({@link org.sinkcheck.reference.StepLog#quiet()}):
 * at a quiet point no thread is inside an operation and no call is pending, so CancelAllAlgo's state
 * there is its initial state up to names (every call final and unlinked, every thread idle, each sink's
 * generation number only ever compared), and the piece after it is checked from {@code Init}. Calls of
 * earlier segments that the segment still mentions ({@code prior}: stale handles) may only be refused as
 * final there, which the trace spec checks.
 *
 * @param index    1-based, in the log
 * @param threads  each thread's steps of this segment (every thread of the log, some maybe empty)
 * @param offsets  each thread's steps in the log before this segment
 * @param prior    calls of earlier segments this one mentions
 * @param quietEnd the segment ends at a quiet point: TLC checks that no call is left pending
 */
public record AlgoSegment(int index, List<List<Step>> threads, int[] offsets, Set<String> prior, boolean quietEnd) {

    public int steps() { return threads.stream().mapToInt(List::size).sum(); }

    /**
     * Cuts {@code trace} at the first quiet point after each {@code segmentSteps} steps (a log without
     * quiet points is one segment, checked whole: nothing is ever dropped). A quiet point inside an
     * operation's interval, or with an unbracketed step on either side that cannot be placed, is a false
     * claim: the message names the thread and step.
     */
    public static List<AlgoSegment> cut(StepTrace trace, int segmentSteps) {
        if (segmentSteps < 1) throw new IllegalArgumentException("the segment size must be positive, not " + segmentSteps);
        List<List<Step>> threads = trace.threads();
        int n = threads.size();
        List<int[]> cuts = new ArrayList<>(); // per chosen quiet point: each thread's first step after it
        int[] last = new int[n];
        for (long q : trace.quiet()) {
            int[] at = new int[n];
            int since = 0;
            for (int t = 0; t < n; t++) {
                List<Step> steps = threads.get(t);
                int i = 0;
                while (i < steps.size() && steps.get(i).ret() < q) i++;
                for (int j = i; j < steps.size(); j++) {
                    if (steps.get(j).inv() <= q) {
                        throw new IllegalArgumentException("quiet point " + q + " is not quiet: thread " + (t + 1) + "'s step " + (j + 1)
                                + " (" + steps.get(j).action() + ") belongs to an operation from ticket " + steps.get(j).inv()
                                + (steps.get(j).ret() == Long.MAX_VALUE ? " not bracketed" : " to " + steps.get(j).ret()));
                    }
                }
                at[t] = i;
                since += i - last[t];
            }
            if (since >= segmentSteps) {
                cuts.add(at);
                last = at;
            }
        }
        boolean endsQuiet = !trace.quiet().isEmpty() && lastQuietAfterAll(trace);
        List<AlgoSegment> segments = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int[] from = new int[n];
        for (int c = 0; c <= cuts.size(); c++) {
            int[] to = c < cuts.size() ? cuts.get(c) : sizes(threads);
            if (c == cuts.size() && remaining(threads, from) == 0) break; // the log ended at the last cut
            List<List<Step>> part = new ArrayList<>();
            Set<String> mentioned = new LinkedHashSet<>();
            for (int t = 0; t < n; t++) {
                List<Step> steps = threads.get(t).subList(from[t], to[t]);
                part.add(steps);
                for (Step s : steps) if (s.call() != null) mentioned.add(s.call());
            }
            Set<String> prior = new LinkedHashSet<>(mentioned);
            prior.retainAll(seen);
            seen.addAll(mentioned);
            boolean quietEnd = c < cuts.size() || endsQuiet;
            segments.add(new AlgoSegment(segments.size() + 1, part, from.clone(), prior, quietEnd));
            from = to;
        }
        return segments;
    }

    private static boolean lastQuietAfterAll(StepTrace trace) {
        long q = trace.quiet().get(trace.quiet().size() - 1);
        return trace.threads().stream().flatMap(List::stream).allMatch(s -> s.ret() < q);
    }

    private static int[] sizes(List<List<Step>> threads) { return threads.stream().mapToInt(List::size).toArray(); }

    private static int remaining(List<List<Step>> threads, int[] from) {
        int left = 0;
        for (int t = 0; t < threads.size(); t++) left += threads.get(t).size() - from[t];
        return left;
    }
}
