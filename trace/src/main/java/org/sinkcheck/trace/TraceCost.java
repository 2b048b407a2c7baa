package org.sinkcheck.trace;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.sinkcheck.kit.SinkAdapter;
import org.sinkcheck.kit.trace.TraceEvent;
import org.sinkcheck.kit.trace.TraceEvent.Kind;
import org.sinkcheck.kit.trace.TraceRecorder;

/**
 * Measures what trace validation costs: for each number of request threads, records the workload on a
 * sink and validates the same trace with each segment size, printing one Markdown row per run (events,
 * the most calls pending at once, segments, distinct states, seconds, events per second). The numbers go
 * into a dated file of docs/measurements; on a shared machine they are noise-prone, and say so.
 *
 * <p>Usage: {@code TraceCost ADAPTER_CLASS EVENTS THREADS,... SEGMENTS,... WORKERS}
 */
public final class TraceCost {
    private TraceCost() {}

    public static void main(String[] args) throws Exception {
        SinkAdapter<?, ?> adapter = (SinkAdapter<?, ?>) Class.forName(args[0]).getConstructor().newInstance();
        long events = Long.parseLong(args[1]);
        int workers = Integer.parseInt(args[4]);
        System.out.println("| request threads | events | most calls pending at once | segment size | segments | distinct states | s | events/s |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (String threads : args[2].split(",")) {
            TraceRecorder recorder = new TraceRecorder();
            TraceWorkload.defaults().threads(Integer.parseInt(threads)).run(adapter, recorder, events, Duration.ofMinutes(5));
            TraceFile trace = TraceFile.of("cost", recorder.events());
            for (String segment : args[3].split(",")) {
                TraceValidator validator = TraceValidator.defaults(Path.of("target", "trace-cost"))
                        .segmentEvents(Integer.parseInt(segment)).workers(workers);
                TraceReport r = validator.validate(trace);
                System.out.printf("| %s | %d | %d | %s | %d | %d | %.1f | %.0f |%s%n", threads, trace.size(), mostPending(trace),
                        segment, r.segments(), r.states(), r.elapsed().toMillis() / 1000.0, r.eventsPerSecond(),
                        r.accepted() ? "" : " NOT ACCEPTED");
            }
        }
    }

    /** The most calls begun and not yet heard final at one point of the trace. */
    static int mostPending(TraceFile trace) {
        Set<String> pending = new HashSet<>();
        int most = 0;
        for (TraceEvent e : trace.events()) {
            if (e.kind() == Kind.INV && e.op().equals("begin")) pending.add(e.call());
            if (e.kind() == Kind.CB && !e.event().equals("object") && !e.event().equals("progress")) pending.remove(e.call());
            most = Math.max(most, pending.size());
        }
        return most;
    }
}
