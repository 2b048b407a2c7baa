package org.sinkcheck.bench;

import java.util.List;
import org.sinkcheck.kit.Capability;
import org.sinkcheck.kit.Events;
import org.sinkcheck.kit.SinkAdapter;

/**
 * One sink of one implementation with N calls begun on it and still pending, plus the checks that make
 * a cancel benchmark honest: after {@code cancel()} returns, every call refuses a delivery, got exactly
 * one cancelled final, and the sink references none of them; a neighbouring sink heard nothing.
 * A check that fails throws, and JMH fails the benchmark: a fast wrong sink has no score. Whoever opens
 * one closes it ({@link #close}), which hands the sink to {@code SinkAdapter.dispose} exactly once.
 *
 * @param <S> the adapter's sink type
 * @param <H> the adapter's handle type
 */
public final class LoadedSink<S, H> implements AutoCloseable {
    /** The context of every call: one shared object, so per-call memory is the sink's alone. */
    static final Object CONTEXT = "call";
    private static final Object PROBE = "probe";
    private static final long QUIET_TIMEOUT_NANOS = 10_000_000_000L;

    private final SinkAdapter<S, H> adapter;
    private final Tally tally;
    private final S sink;
    private final Object[] calls;
    private boolean disposed;

    private LoadedSink(SinkAdapter<S, H> adapter, int pending, Events events, Tally tally) {
        this.adapter = adapter;
        this.tally = tally;
        this.sink = adapter.newSink(events);
        this.calls = new Object[pending];
        for (int i = 0; i < pending; i++) calls[i] = adapter.begin(sink, CONTEXT);
    }

    /** A sink of {@code adapter} with {@code pending} calls, whose callbacks are counted. */
    public static <S, H> LoadedSink<S, H> open(SinkAdapter<S, H> adapter, int pending) {
        Tally tally = new Tally();
        return new LoadedSink<>(adapter, pending, tally, tally);
    }

    /** A sink with no calls whose callbacks go nowhere, for the multi-threaded common path. */
    public static <S, H> LoadedSink<S, H> silent(SinkAdapter<S, H> adapter) {
        return new LoadedSink<>(adapter, 0, Silence.INSTANCE, null);
    }

    /**
     * A silent sink of the implementation {@code impl}, which must have every capability in
     * {@code needed}: else a one-line error naming what {@code use} (a benchmark) lacks.
     */
    public static LoadedSink<?, ?> silent(String impl, String use, Capability... needed) {
        SinkAdapter<?, ?> adapter = Implementation.adapter(impl);
        for (Capability capability : needed) {
            if (!adapter.capabilities().contains(capability)) {
                throw new IllegalArgumentException("bench: '" + impl + "' lacks " + capability + ", needed by " + use);
            }
        }
        return silent(adapter);
    }

    /** Hands the sink to {@code SinkAdapter.dispose}; the first close does, later ones do nothing. */
    @Override
    public void close() {
        if (disposed) return;
        disposed = true;
        adapter.dispose(sink);
    }

    /** The author's sink object (what JOL measures). */
    public S sink() { return sink; }

    public SinkAdapter<S, H> adapter() { return adapter; }

    public void cancel() { adapter.cancel(sink); }

    /** Begins and completes one call: the common path. */
    public boolean beginAndComplete() {
        return adapter.complete(sink, adapter.begin(sink, CONTEXT));
    }

    /** Completes {@code call}, a handle {@link #begin()} returned; false if it already had its final. */
    @SuppressWarnings("unchecked")
    public boolean complete(Object call) { return adapter.complete(sink, (H) call); }

    /** Begins one more call and returns its handle. */
    public Object begin() { return adapter.begin(sink, CONTEXT); }

    /** The handle of one of the calls begun at load time (the last), for what it keeps reachable. */
    public Object anyCall() { return calls[calls.length - 1]; }

    @SuppressWarnings("unchecked")
    public boolean deliver(Object call, Object object) { return adapter.deliver(sink, (H) call, object); }

    /**
     * Delivers {@code objects} as one batch of {@code call} through the adapter's
     * {@link SinkAdapter#deliverAll} (one delivery per object unless the adapter maps a batch method of
     * its sink); true if every object was accepted.
     */
    @SuppressWarnings("unchecked")
    public boolean deliverAll(Object call, List<?> objects) { return adapter.deliverAll(sink, (H) call, objects); }

    /** Whether {@code adapter} maps a batch method of its sink, rather than delivering a batch object by object. */
    public static boolean batchesNatively(SinkAdapter<?, ?> adapter) {
        try {
            return adapter.getClass().getMethod("deliverAll", Object.class, Object.class, List.class).getDeclaringClass()
                    != SinkAdapter.class;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("SinkAdapter.deliverAll is gone", e);
        }
    }

    /** How many object callbacks the listener of a counted sink ({@link #open}) heard. */
    int objectsHeard() { return tally.objects; }

    /** Every final has run and, where the sink shows it, nothing is retained. */
    public boolean quiet() {
        return tally.finals == calls.length && retained() == 0;
    }

    /** Spins until {@link #quiet()}, for designs that run finals after cancel() returns. */
    public void awaitQuiet() {
        long deadline = System.nanoTime() + QUIET_TIMEOUT_NANOS;
        while (!quiet()) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException(adapter.name() + ": " + tally.finals + " of " + calls.length
                        + " finals and " + retained() + " retained calls 10 s after cancel()");
            }
            Thread.onSpinWait();
        }
    }

    /** After cancel() returned: all calls refuse a delivery, each got one cancelled final, none retained. */
    public void verifyAllCancelled() {
        for (int i = 0; i < calls.length; i++) {
            if (deliver(calls[i], PROBE)) {
                throw new IllegalStateException(adapter.name() + ": call " + i + " of " + calls.length
                        + " still accepted a delivery after cancel() returned");
            }
        }
        if (tally.cancelled != calls.length || tally.finals != calls.length) {
            throw new IllegalStateException(adapter.name() + ": " + calls.length + " pending calls, but "
                    + tally.cancelled + " cancelled finals and " + tally.finals + " finals in all");
        }
        if (retained() != 0) {
            throw new IllegalStateException(adapter.name() + ": still references " + retained() + " calls after cancel()");
        }
    }

    /** For a neighbouring sink: no callback of it ran, and its first and last calls are still live. */
    public void verifyUntouched() {
        if (tally.finals != 0 || tally.objects != 0) {
            throw new IllegalStateException(adapter.name() + ": another sink's cancel reached this sink ("
                    + tally.finals + " finals)");
        }
        if (calls.length > 0 && adapter.capabilities().contains(Capability.PROVIDER_TOLD)
                && (adapter.providerSeesCancelled(sink, first()) || adapter.providerSeesCancelled(sink, last()))) {
            throw new IllegalStateException(adapter.name() + ": another sink's cancel cancelled a call of this sink");
        }
    }

    @SuppressWarnings("unchecked")
    private H first() { return (H) calls[0]; }

    @SuppressWarnings("unchecked")
    private H last() { return (H) calls[calls.length - 1]; }

    /** How many calls the sink still references (0 where it does not show it: no {@link Capability#RETENTION_VISIBLE}). */
    public int pendingCalls() { return retained(); }

    private int retained() {
        return adapter.capabilities().contains(Capability.RETENTION_VISIBLE) ? adapter.pendingCalls(sink) : 0;
    }
}
