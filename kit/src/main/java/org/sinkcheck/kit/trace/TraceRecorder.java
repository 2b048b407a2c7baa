package org.sinkcheck.kit.trace;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.sinkcheck.kit.SinkAdapter;
import org.sinkcheck.kit.trace.TraceEvent.Kind;

/**
 * Records what a run does to its sinks, for trace validation against the spec ({@code CancelAllTrace.tla}):
 * wrap the adapter with {@link #wrap}, run any workload through the wrapped adapter, call {@link #quiet()}
 * whenever the workload knows nothing is pending, then {@link #write} the NDJSON file.
 *
 * <pre>{@code
 * TraceRecorder recorder = new TraceRecorder();
 * SinkAdapter<S, H> traced = recorder.wrap(myAdapter);
 * ... // threads begin, signal, cancel through `traced`
 * recorder.quiet();
 * recorder.write(Path.of("target/my-run.ndjson"));  // then: ./sinkcheck trace --validate target/my-run.ndjson
 * }</pre>
 */
public final class TraceRecorder {
    /*
     * Implementation notes.
     *
     * Each thread appends to its own buffer (no lock, no sharing: a ThreadLocal found once per event),
     * so the only shared write per event is one getAndIncrement of `ticket`. The buffers are listed in
     * `buffers` when a thread first records, and stay there after the thread dies, so pools whose
     * threads come and go lose nothing.
     *
     * What the ordering guarantees. Every ticket is an atomic read-modify-write of one variable, so the
     * tickets are a total order that extends happens-before: if event a happens-before event b, a's
     * ticket is smaller. An invocation takes its ticket before the adapter is entered and its return
     * after the adapter returned, so the operation's linearization point lies, in real time, between
     * the two; a callback takes its ticket after the sink decided to call it. That is all trace
     * validation needs: an operation that returned before another was invoked has the smaller tickets,
     * and TLC places each linearization point anywhere inside its interval. Two events of different
     * threads that no happens-before orders may get tickets in either order; the spec does not depend
     * on how such events are ordered except through the intervals, which the tickets keep.
     *
     * What it costs (RecordingCostBenchmark, docs/measurements/recording-cost-2026-12-03.md): a call's
     * life through the TracingAdapter is 14 to 23 times slower than without it on one thread, and two
     * recording threads record no faster than one: every event takes the one contended ticket (and
     * every call the recorder's identity map), so recording serialises the threads it records. A trace is
     * for validation runs, not for measurements.
     *
     * write() must be called once the workload has stopped: buffers are read without synchronisation
     * beyond the happens-before the caller's join or barrier gives.
     */
    private final AtomicLong ticket = new AtomicLong(1);
    private final AtomicInteger threads = new AtomicInteger();
    private final AtomicInteger sinks = new AtomicInteger();
    private final AtomicLong calls = new AtomicLong();
    private final ConcurrentLinkedQueue<Buffer> buffers = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<Buffer> mine = ThreadLocal.withInitial(this::newBuffer);
    /** The ids of the sinks and handles its adapters made (TracingAdapter), by identity, never by equals. */
    private final ConcurrentHashMap<Identity, String> ids = new ConcurrentHashMap<>();

    /**
     * A map key by identity: sinks and handles are told apart by reference, never by equals. The identity
     * hash is taken through a method handle: Lincheck 2.39 rewrites the {@code System.identityHashCode} calls
     * of the code it instruments into its own, which answer 0 in the sections it ignores and otherwise
     * something else, so a key made in a scenario's constructor would not be found in its operations.
     */
    private static final class Identity {
        private static final MethodHandle IDENTITY_HASH;

        static {
            try {
                IDENTITY_HASH = MethodHandles.publicLookup().findStatic(System.class, "identityHashCode", MethodType.methodType(int.class, Object.class));
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private final Object ref;

        Identity(Object ref) { this.ref = ref; }

        @Override public boolean equals(Object o) { return o instanceof Identity i && i.ref == ref; }

        @Override
        public int hashCode() {
            try {
                return (int) IDENTITY_HASH.invokeExact(ref);
            } catch (Throwable cannot) {
                throw new IllegalStateException("System.identityHashCode threw", cannot);
            }
        }
    }

    private static final class Buffer {
        final int thread;
        final List<TraceEvent> events = new ArrayList<>();

        Buffer(int thread) { this.thread = thread; }
    }

    private Buffer newBuffer() {
        Buffer b = new Buffer(threads.incrementAndGet());
        buffers.add(b);
        return b;
    }

    /** {@code adapter}, recording every operation and every callback into this recorder. */
    public <S, H> SinkAdapter<S, H> wrap(SinkAdapter<S, H> adapter) {
        return new TracingAdapter<>(adapter, this);
    }

    /** The workload claims that no call is pending and no thread is inside a sink: the spec must agree. */
    public void quiet() {
        record(Kind.QUIET, "", "", "", "", 0, false, false);
    }

    /** How many events have been recorded so far. */
    public long size() { return ticket.get() - 1; }

    /** Writes every event, in ticket order, as NDJSON; call once the workload has stopped. */
    public void write(Path file) {
        write(events(), file);
    }

    /** Writes {@code events} as NDJSON, one line each, to {@code file} (its folders made as needed). */
    static void write(List<TraceEvent> events, Path file) {
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (TraceEvent e : events) {
                    out.write(e.toJson());
                    out.write('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the trace to " + file, e);
        }
    }

    /** Every event recorded so far, in ticket order; call once the workload has stopped. */
    public List<TraceEvent> events() {
        List<TraceEvent> all = new ArrayList<>();
        for (Buffer b : buffers) all.addAll(b.events);
        all.sort(Comparator.comparingLong(TraceEvent::seq));
        return all;
    }

    String newSinkId() { return "s" + sinks.incrementAndGet(); }

    String newCallId() { return "c" + calls.incrementAndGet(); }

    /** The id {@link #name} gave {@code sinkOrHandle}, or {@code unknown}. */
    String idOf(Object sinkOrHandle) {
        String id = ids.get(new Identity(sinkOrHandle));
        return id != null ? id : "unknown";
    }

    void name(Object sinkOrHandle, String id) { ids.put(new Identity(sinkOrHandle), id); }

    void forget(Object sinkOrHandle) { ids.remove(new Identity(sinkOrHandle)); }

    void record(Kind kind, String op, String sink, String call, String event, int n, boolean ok, boolean threw) {
        Buffer b = mine.get();
        b.events.add(new TraceEvent(ticket.getAndIncrement(), b.thread, kind, op, sink, call, event, n, ok, threw));
    }
}
