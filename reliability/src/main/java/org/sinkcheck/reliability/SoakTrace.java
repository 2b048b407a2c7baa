package org.sinkcheck.reliability;

import java.nio.file.Path;

/**
 * How to record a soak for trace validation: every operation and callback of the run goes through a
 * {@code TracingAdapter} and is written, as NDJSON, to {@code file} when the soak ends (validate it with
 * {@code ./sinkcheck trace --validate FILE}, or let {@code ./sinkcheck soak --trace FILE} do it).
 *
 * <p>The soak has no quiet point of its own: its workers never stop signalling, and calls stay pending
 * across any instant. A recorded soak therefore adds them: every {@code opsPerQuiet} loop turns, each
 * worker waits outside the sink until all have arrived; the last one cancels every sink (each cancel
 * settled and checked for SC-01 as any other), asks each sink's {@code pendingCalls} when the adapter can
 * count, and records {@code quiet}. The workers then go on with the calls they hold, which are cancelled
 * now (stale handles of the segment before). TLC checks each stretch between two quiet points on its own.
 * Every check of the soak stays on; what changes is that no call outlives a quiet point, and listeners
 * do not throw from progress callbacks (CancelAll.tla models a listener's throw from an object callback
 * only; a throw from a final changes nothing there): a recorded soak is a soak of shorter-lived calls.
 *
 * @param file        where the trace is written
 * @param events      the soak ends at the first quiet point after this many events, if its time is not up first
 * @param opsPerQuiet loop turns of each worker between two quiet points
 */
public record SoakTrace(Path file, long events, int opsPerQuiet) {
    /** Loop turns per worker between quiet points: with 3 workers, segments of about 200 events, the validator's size. */
    public static final int OPS_PER_QUIET = 24;

    public SoakTrace {
        if (file == null) throw new IllegalArgumentException("a recorded soak needs a file to write its trace to");
        if (events < 1) throw new IllegalArgumentException("a recorded soak needs at least one event, not " + events);
        if (opsPerQuiet < 1) throw new IllegalArgumentException("quiet points need at least one loop turn between them, not " + opsPerQuiet);
    }

    /** Records into {@code file} until about {@code events} events. */
    public static SoakTrace to(Path file, long events) { return new SoakTrace(file, events, OPS_PER_QUIET); }
}
