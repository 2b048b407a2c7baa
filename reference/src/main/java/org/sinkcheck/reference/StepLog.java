package org.sinkcheck.reference;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The reference sink's step-level log, for trace validation against {@code spec/tla/CancelAllAlgo.tla}:
 * each thread records, in its own buffer, the algorithm steps it takes, each named by the
 * CancelAllAlgo action it performs, with the values it read and wrote (a CAS: what it expected and
 * whether it won). Off unless the JVM runs with {@code -Dsinkcheck.reference.steps=true}, and then
 * recording only between {@link #start()} and {@link Recording#stop()}.
 *
 * <p>What the log claims about order: each thread's program order, and, for operations a caller brackets
 * with {@link #enter()} / {@link #exit()}, each operation's interval (two tickets of one atomic counter,
 * taken before its first step and after its last). Nothing else: a CAS cannot be logged atomically with
 * its effect, so the global order is left for TLC to find.
 */
public final class StepLog {

    /*
     * Implementation notes.
     *
     * Cost when off. ON is a static final field read once at class initialization; every hook in
     * ReferenceSink is "if (StepLog.ON) StepLog.x(...)", which the JIT compiles as a constant false branch
     * and removes, so compiled code is the code without the hooks (the interpreter pays one getstatic and
     * one branch per hook before compilation). The arguments of a hook are evaluated only inside the branch.
     * Measured against a build without the hooks (RecordingCostBenchmark,
     * docs/measurements/recording-cost-2026-12-03.md): equal within that run's noise, which spans from
     * 9 % faster to 27 % slower.
     *
     * Cost when on. A step reads the volatile active recording, then appends to a buffer only its own
     * thread touches (a ThreadLocal of that recording): no shared write per step, so recording adds no
     * synchronization between the threads it watches beyond what they already had. The only shared writes
     * are the interval tickets (one getAndIncrement per bracketed operation, on entry and on exit) and the
     * registration of each thread's buffer (once per thread per recording). Calls and sinks are stored as
     * the objects themselves and named only at stop(), so a step never looks anything up. Measured with
     * every operation bracketed: a call's life 12 to 26 times slower than unrecorded, and two threads no
     * faster than one (not profiled; the shared interval tickets and each step's allocation are the suspects).
     *
     * Memory ordering. stop() is called once the recorded threads are quiet and joined (the caller's
     * duty), so the plain buffers are read after everything written into them.
     */

    /** Whether the hooks are compiled in at all: the system property {@code sinkcheck.reference.steps}. */
    public static final boolean ON = Boolean.getBoolean("sinkcheck.reference.steps");

    /** An operation not bracketed by enter/exit: an interval that orders nothing. */
    private static final long UNBRACKETED_INV = 0;
    private static final long UNBRACKETED_RET = Long.MAX_VALUE;

    private static volatile Recording active;

    private StepLog() {}

    /**
     * One step: the CancelAllAlgo action, the sink and call it acts on (null where the action has none),
     * a count (a batch's size), the value read or written ({@code x}: see docs/trace.md), and the interval
     * tickets of the outermost operation the thread was inside.
     */
    public record Step(String action, String sink, String call, int k, String x, long inv, long ret) {}

    /** Starts recording (replacing any recording not stopped). */
    public static Recording start() {
        if (!ON) throw new IllegalStateException("the reference sink's step log is off: run the JVM with -Dsinkcheck.reference.steps=true");
        Recording r = new Recording();
        active = r;
        return r;
    }

    /** The caller enters one sink operation (begin, deliver, ..., cancel): takes its invocation ticket. */
    public static void enter() {
        Recording r = active;
        if (r != null) r.buffer().enter(r.tickets);
    }

    /** The caller's operation returned (or threw): takes its return ticket. */
    public static void exit() {
        Recording r = active;
        if (r != null) r.buffer().exit(r.tickets);
    }

    /**
     * The caller's claim that no operation is in flight on any thread and no call is pending (it has
     * joined the threads, and every call has its final): a ticket between the operations before and
     * after it, where a long log may be cut into independent segments. The validator checks the claim.
     */
    public static void quiet() {
        Recording r = active;
        if (r != null) r.quiet.add(r.tickets.getAndIncrement());
    }

    static void step(String action, Object sink, Object call, int k, String x) {
        Recording r = active;
        if (r != null) r.buffer().add(new Raw(action, sink, call, k, x));
    }

    /** The last open-check this thread logged turns out to start a callback that throws: CancelAllAlgo's SignalCheckThrow. */
    static void checkThrew() {
        Recording r = active;
        if (r != null) r.buffer().checkThrew();
    }

    /** One recording: per-thread buffers, collected by {@link #stop()}. */
    public static final class Recording {
        final AtomicLong tickets = new AtomicLong(1);
        private final ConcurrentLinkedQueue<Buffer> buffers = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Long> quiet = new ConcurrentLinkedQueue<>();
        private final ThreadLocal<Buffer> mine = ThreadLocal.withInitial(() -> {
            Buffer b = new Buffer();
            buffers.add(b);
            return b;
        });

        Buffer buffer() { return mine.get(); }

        /**
         * Stops recording and returns each thread's steps in its program order (threads without steps
         * left out), calls named c1, c2, ... and sinks s1, s2, ... in order of first appearance. Call only
         * once the recorded threads are done with the sinks.
         */
        public List<List<Step>> stop() {
            if (active == this) active = null;
            Map<Object, String> names = new IdentityHashMap<>();
            int[] counts = new int[2];
            List<List<Step>> out = new ArrayList<>();
            for (Buffer b : buffers) {
                if (b.steps.isEmpty()) continue;
                List<Step> steps = new ArrayList<>(b.steps.size());
                for (Raw s : b.steps) {
                    steps.add(new Step(s.action, name(names, s.sink, "s", counts, 0), name(names, s.call, "c", counts, 1),
                            s.k, s.x, s.inv, s.ret));
                }
                out.add(steps);
            }
            return out;
        }

        /** The tickets of the {@link StepLog#quiet()} points, in order. */
        public List<Long> quietPoints() {
            return quiet.stream().sorted().toList();
        }

        private static String name(Map<Object, String> names, Object o, String prefix, int[] counts, int which) {
            if (o == null) return null;
            return names.computeIfAbsent(o, any -> prefix + ++counts[which]);
        }
    }

    /** A step as recorded: the objects themselves, the interval filled in when the operation exits. */
    private static final class Raw {
        final String action;
        final Object sink;
        final Object call;
        final int k;
        String x;
        long inv = UNBRACKETED_INV;
        long ret = UNBRACKETED_RET;

        Raw(String action, Object sink, Object call, int k, String x) {
            this.action = action;
            this.sink = sink;
            this.call = call;
            this.k = k;
            this.x = x;
        }
    }

    /** One thread's steps; only that thread writes it. */
    private static final class Buffer {
        final List<Raw> steps = new ArrayList<>();
        int depth;
        int opStart;
        long inv;
        int lastCheck = -1;

        void enter(AtomicLong tickets) {
            if (depth++ == 0) {
                inv = tickets.getAndIncrement();
                opStart = steps.size();
            }
        }

        void exit(AtomicLong tickets) {
            if (depth == 0 || --depth > 0) return; // entered before the recording started, or nested
            long ret = tickets.getAndIncrement();
            for (int i = opStart; i < steps.size(); i++) {
                steps.get(i).inv = inv;
                steps.get(i).ret = ret;
            }
        }

        void add(Raw step) {
            if ("SignalCheck".equals(step.action) && "open".equals(step.x)) lastCheck = steps.size();
            steps.add(step);
        }

        void checkThrew() {
            if (lastCheck >= 0) steps.get(lastCheck).x = "throw";
            lastCheck = -1;
        }
    }
}
