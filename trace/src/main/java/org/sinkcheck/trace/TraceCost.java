package org.sinkcheck.trace;

import java.io.IOException;
import java.nio.file.Files;
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
 * the most calls pending at once, the most calls in one segment, segments, distinct states, wall-clock
 * seconds, the CPU seconds TLC's child JVMs used, events per wall-clock and per CPU second). On a shared
 * machine the wall-clock time is mostly other people's load; the CPU seconds are what the check itself
 * costs (read from {@code /proc/self/stat}'s reaped-children times, so Linux only: "n/a" elsewhere).
 *
 * <p>Usage: {@code TraceCost ADAPTER_CLASS EVENTS THREADS,... SEGMENTS,... WORKERS}
 */
public final class TraceCost {
    private TraceCost() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: TraceCost ADAPTER_CLASS EVENTS THREADS,... SEGMENTS,... WORKERS");
            System.exit(2);
        }
        SinkAdapter<?, ?> adapter = (SinkAdapter<?, ?>) Class.forName(args[0]).getConstructor().newInstance();
        long events = Long.parseLong(args[1]);
        int workers = Integer.parseInt(args[4]);
        System.out.println("load average at the start: " + loadAverage());
        System.out.println("| request threads | events | most calls pending at once | segment size | segments | most calls in a segment "
                + "| distinct states | wall s | TLC CPU s | events/s (wall) | events/s (TLC CPU) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (String threads : args[2].split(",")) {
            TraceRecorder recorder = new TraceRecorder();
            TraceWorkload.defaults().threads(Integer.parseInt(threads)).run(adapter, recorder, events, Duration.ofMinutes(5));
            TraceFile trace = TraceFile.of("cost", recorder.events());
            for (String segment : args[3].split(",")) {
                int size = Integer.parseInt(segment);
                TraceValidator validator = TraceValidator.defaults(Path.of("target", "trace-cost")).segmentEvents(size).workers(workers);
                double cpuBefore = childCpuSeconds();
                TraceReport r = validator.validate(trace);
                double cpu = childCpuSeconds() - cpuBefore;
                System.out.printf("| %s | %d | %d | %d | %d | %d | %d | %.1f | %s | %.0f | %s |%s%n", threads, trace.size(), mostPending(trace),
                        size, r.segments(), mostCallsInASegment(trace, size), r.states(), r.elapsed().toMillis() / 1000.0,
                        Double.isNaN(cpu) ? "n/a" : String.format("%.1f", cpu), r.eventsPerSecond(),
                        Double.isNaN(cpu) ? "n/a" : String.format("%.0f", r.events() / cpu), r.accepted() ? "" : " NOT ACCEPTED");
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

    /** The most calls one segment mentions: the size of the call set TLC's states range over. */
    static int mostCallsInASegment(TraceFile trace, int segmentEvents) {
        int most = 0;
        for (Segment s : Segment.cut(trace, segmentEvents)) {
            Set<String> calls = new HashSet<>();
            for (int i = s.from(); i < s.to(); i++) if (!trace.event(i).call().isEmpty()) calls.add(trace.event(i).call());
            most = Math.max(most, calls.size());
        }
        return most;
    }

    /** User and system CPU seconds of this JVM's reaped child processes (TLC's JVMs), or NaN off Linux. */
    private static double childCpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": field 3 is state, so cutime (field 16) and cstime (17) are at 13 and 14
            return (Long.parseLong(f[13]) + Long.parseLong(f[14])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "n/a";
        }
    }
}
