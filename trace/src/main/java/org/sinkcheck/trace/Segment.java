package org.sinkcheck.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sinkcheck.kit.trace.TraceEvent;
import org.sinkcheck.kit.trace.TraceEvent.Kind;

/**
 * Events {@code from} (inclusive) to {@code to} (exclusive) of a trace, checked on their own. Segments
 * are cut just after a quiet event, where no call is pending and no thread is inside a sink, so a
 * segment shares nothing with the ones before it but the calls they ended, which it can mention only
 * through stale handles: those are its {@link #prior} calls, ended before it starts.
 *
 * @param index the segment's number in its trace, from 1
 */
public record Segment(int index, int from, int to) {

    public int size() { return to - from; }

    /**
     * Cuts {@code trace} into segments of at least {@code target} events each, just after a quiet event
     * (the last one takes what is left). A trace with no quiet point is one segment, whatever its size.
     */
    public static List<Segment> cut(TraceFile trace, int target) {
        if (target < 1) throw new IllegalArgumentException("a segment needs at least one event, not " + target);
        List<Segment> segments = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < trace.size(); i++) {
            if (trace.event(i).kind() == Kind.QUIET && i + 1 - from >= target) {
                segments.add(new Segment(segments.size() + 1, from, i + 1));
                from = i + 1;
            }
        }
        if (from < trace.size()) segments.add(new Segment(segments.size() + 1, from, trace.size()));
        return segments;
    }

    /** A call this segment mentions, begun before it: its sink and the final its listener heard first. */
    public record Prior(String sink, String fin) {}

    /** The calls this segment mentions but did not begin (only through stale handles), by their trace id. */
    public Map<String, Prior> prior(TraceFile trace) {
        Map<String, Integer> begunAt = new HashMap<>();
        Map<String, Prior> prior = new LinkedHashMap<>();
        for (int i = 0; i < from; i++) {
            TraceEvent e = trace.event(i);
            if (e.kind() == Kind.INV && e.op().equals("begin")) begunAt.put(e.call(), i);
        }
        for (int i = from; i < to; i++) {
            String call = trace.event(i).call();
            Integer begin = begunAt.get(call);
            if (begin != null && !prior.containsKey(call)) prior.put(call, new Prior(trace.event(begin).sink(), finalOf(trace, call, begin)));
        }
        return prior;
    }

    /** The first final the listener of {@code call} heard after its begin at {@code begin}; "cancelled" if none (not reached in an accepted segment). */
    private String finalOf(TraceFile trace, String call, int begin) {
        for (int i = begin; i < from; i++) {
            TraceEvent e = trace.event(i);
            if (e.kind() == Kind.CB && e.call().equals(call) && !e.event().equals("object") && !e.event().equals("progress")) return e.event();
        }
        return "cancelled";
    }
}
