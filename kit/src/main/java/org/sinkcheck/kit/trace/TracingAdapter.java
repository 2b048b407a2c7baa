package org.sinkcheck.kit.trace;

import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import org.sinkcheck.kit.Capability;
import org.sinkcheck.kit.Events;
import org.sinkcheck.kit.Settling;
import org.sinkcheck.kit.SinkAdapter;
import org.sinkcheck.kit.trace.TraceEvent.Kind;

/**
 * A {@link SinkAdapter} that records, into a {@link TraceRecorder}, every operation it forwards to the
 * adapter it decorates (invocation and return, with the sink's answer) and every callback the sink makes
 * (start and end, with its call). It forwards every method of the SPI and changes nothing the sink
 * sees but the context objects: each begin's context is wrapped in a {@link Traced} that names the call,
 * and unwrapped again before the callback reaches the caller's {@link Events}, so the caller sees its own
 * contexts. Sinks and calls get ids ({@code s1}, {@code c1}) in the order they are made.
 */
final class TracingAdapter<S, H> implements SinkAdapter<S, H> {
    private final SinkAdapter<S, H> inner;
    private final TraceRecorder log;

    /*
     * Traced is a plain class, not a record: Lincheck 2.39 reads every field of the objects a scenario
     * instance reaches through Unsafe, which refuses a record's, and the sink holds Traced contexts (the
     * Lincheck scenarios are recorded through this adapter). The ids of sinks and handles are kept by the
     * recorder, not here: the recorder is on Lincheck's ignore list and this class is not (ignoring it would
     * hide the sink's steps inside its methods), so a map here would add switch points of its own to every
     * operation. Measured on SC06_BeginRacingCancelLosesCall (LincheckMain 5 50): with the map here,
     * Lincheck's replay of the failing interleaving diverged ("Non-determinism found", no detailed trace);
     * with it in the recorder, the failing interleaving, its switch points and the sink steps between them
     * are those of the run without recording.
     */

    /** The context the sink carries for a traced call: the call's id and the caller's own context. */
    static final class Traced {
        private final String call;
        private final Object context;

        Traced(String call, Object context) {
            this.call = call;
            this.context = context;
        }

        String call() { return call; }

        Object context() { return context; }
    }

    TracingAdapter(SinkAdapter<S, H> inner, TraceRecorder log) {
        this.inner = inner;
        this.log = log;
    }

    private String id(Object sinkOrHandle) { return log.idOf(sinkOrHandle); }

    @Override public String name() { return inner.name(); }

    @Override public Set<Capability> capabilities() { return inner.capabilities(); }

    @Override
    public S newSink(Events events) {
        String sink = log.newSinkId();
        S made = inner.newSink(new TracingEvents(sink, events));
        log.name(made, sink);
        return made;
    }

    @Override
    public H begin(S sink, Object context) {
        return traceBegin(sink, context, inner::begin);
    }

    /** An endless call (a subscription) is logged as a begin: the spec's calls are the same whichever way they enter. */
    @Override
    public H beginEndless(S sink, Object context) {
        return traceBegin(sink, context, inner::beginEndless);
    }

    private H traceBegin(S sink, Object context, BiFunction<S, Object, H> begin) {
        String call = log.newCallId();
        String s = id(sink);
        log.record(Kind.INV, "begin", s, call, "", 0, false, false);
        boolean threw = true;
        try {
            H handle = begin.apply(sink, new Traced(call, context));
            log.name(handle, call);
            threw = false;
            return handle;
        } finally {
            log.record(Kind.RET, "begin", s, call, "", 0, !threw, threw);
        }
    }

    @Override
    public boolean deliver(S sink, H call, Object object) {
        return signal("object", sink, call, 1, () -> inner.deliver(sink, call, object));
    }

    @Override
    public boolean deliverAll(S sink, H call, List<?> objects) {
        return signal("object", sink, call, objects.size(), () -> inner.deliverAll(sink, call, objects));
    }

    @Override
    public boolean progress(S sink, H call) {
        return signal("progress", sink, call, 1, () -> inner.progress(sink, call));
    }

    @Override
    public boolean complete(S sink, H call) {
        return signal("complete", sink, call, 0, () -> inner.complete(sink, call));
    }

    @Override
    public boolean fail(S sink, H call, Throwable error) {
        return signal("fail", sink, call, 0, () -> inner.fail(sink, call, error));
    }

    @Override
    public boolean providerSeesCancelled(S sink, H call) {
        return signal("told", sink, call, 0, () -> inner.providerSeesCancelled(sink, call));
    }

    @Override
    public void cancel(S sink) {
        String s = id(sink);
        log.record(Kind.INV, "cancel", s, "", "", 0, false, false);
        boolean threw = true;
        try {
            inner.cancel(sink);
            threw = false;
        } finally {
            log.record(Kind.RET, "cancel", s, "", "", 0, false, threw);
        }
    }

    @Override
    public int pendingCalls(S sink) {
        String s = id(sink);
        log.record(Kind.INV, "pending", s, "", "", 0, false, false);
        int count = -1;
        try {
            count = inner.pendingCalls(sink);
            return count;
        } finally {
            log.record(Kind.RET, "pending", s, "", "", Math.max(count, 0), false, count < 0);
        }
    }

    /** Not an operation of the spec: forwarded, not recorded. */
    @Override public void settle(S sink, Settling settling) { inner.settle(sink, settling); }

    /** Not an operation of the spec: forwarded, not recorded; the sink's id is forgotten with it. */
    @Override
    public void dispose(S sink) {
        log.forget(sink);
        inner.dispose(sink);
    }

    /** What the sink answers is recorded either way; whether it means anything is the inner adapter's to say. */
    @Override public boolean observesAcceptance() { return inner.observesAcceptance(); }

    /** Records nothing itself; signals through the forged handle are recorded with the call {@code forged}. */
    @Override
    public H forgeHandle(S sink) {
        H forged = inner.forgeHandle(sink);
        log.name(forged, "forged");
        return forged;
    }

    private boolean signal(String op, S sink, H handle, int objects, BooleanSupplier send) {
        String s = id(sink);
        String call = id(handle);
        log.record(Kind.INV, op, s, call, "", objects, false, false);
        boolean threw = true;
        boolean answer = false;
        try {
            answer = send.getAsBoolean();
            threw = false;
            return answer;
        } finally {
            log.record(Kind.RET, op, s, call, "", objects, answer, threw);
        }
    }

    /** The listener side: records each callback's start and end around the caller's own {@link Events}. */
    private final class TracingEvents implements Events {
        private final String sink;
        private final Events outer;

        TracingEvents(String sink, Events outer) {
            this.sink = sink;
            this.outer = outer;
        }

        private void heard(String event, Object context, Runnable forward) {
            String call = context instanceof Traced t ? t.call() : "unknown";
            log.record(Kind.CB, "", sink, call, event, 0, false, false);
            boolean threw = true;
            try {
                forward.run();
                threw = false;
            } finally {
                log.record(Kind.CB_END, "", sink, call, "", 0, false, threw);
            }
        }

        private Object original(Object context) {
            return context instanceof Traced t ? t.context() : context;
        }

        @Override public void object(Object context, Object object) { heard("object", context, () -> outer.object(original(context), object)); }

        @Override public void progress(Object context) { heard("progress", context, () -> outer.progress(original(context))); }

        @Override public void completed(Object context) { heard("completed", context, () -> outer.completed(original(context))); }

        @Override public void failed(Object context, Throwable error) { heard("failed", context, () -> outer.failed(original(context), error)); }

        @Override public void cancelled(Object context) { heard("cancelled", context, () -> outer.cancelled(original(context))); }

        @Override
        public void listenerError(Object context, Throwable error) {
            String call = context instanceof Traced t ? t.call() : "unknown";
            log.record(Kind.REPORT, "", sink, call, "", 0, false, false);
            outer.listenerError(original(context), error);
        }
    }
}
