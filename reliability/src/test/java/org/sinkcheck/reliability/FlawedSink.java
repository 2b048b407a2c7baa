package org.sinkcheck.reliability;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import org.sinkcheck.model.Status;
import org.sinkcheck.sink.Acceptance;
import org.sinkcheck.sink.CallHandle;
import org.sinkcheck.sink.Sink;
import org.sinkcheck.sink.SinkListener;

/**
 * A small monitor-based sink with one switchable {@link Flaw}: the broken sinks that show each
 * reliability test has teeth. With {@link Flaw#NONE} it is correct, which is what makes a teeth test
 * meaningful: the flaw, not the fixture, is what the test catches. Each flaw is a real bug of a peer
 * library (see {@code shared/research/peers.md}).
 */
final class FlawedSink<C> implements Sink<C> {

    enum Flaw {
        /** Correct: the control. */
        NONE,
        /** Cancel leaves the most recently begun pending call alone (SC-01). */
        CANCEL_MISSES_NEWEST,
        /** A cancelled call still accepts objects and progress (SC-04; the stale handle of SC-14). */
        SIGNALS_AFTER_CANCEL,
        /** Accepts any call handle of its kind, even one another sink issued (SC-14, SC-02). */
        ACCEPTS_FOREIGN_HANDLES,
        /** A listener's exception escapes the cancel sweep, and the rest of the sweep never runs (SC-15). */
        SWEEP_STOPS_AT_THROW,
        /** Listener exceptions are caught and dropped (SC-15). */
        SWALLOWS_LISTENER_ERRORS,
        /** Finished calls stay in a list: RxJava#5016 (SC-13). */
        RETAINS_FINISHED,
        /** Listeners run while the sink's monitor is held: dotnet/runtime#43438 (SC-16, SC-11). */
        CALLBACKS_UNDER_SINK_LOCK,
        /** One monitor for all sinks, held while listeners run: a blocked listener stops every sink's cancel (SC-11). */
        CALLBACKS_UNDER_GLOBAL_LOCK
    }

    private static final Object GLOBAL_LOCK = new Object();

    private final Flaw flaw;
    private final SinkListener<C> listener;
    private final BiConsumer<? super C, ? super Throwable> listenerErrors;
    private final Object lock;
    private final Set<Call> registry = new LinkedHashSet<>();
    private final List<Call> finished = new ArrayList<>();

    FlawedSink(Flaw flaw, SinkListener<C> listener, BiConsumer<? super C, ? super Throwable> listenerErrors) {
        this.flaw = flaw;
        this.listener = listener;
        this.listenerErrors = listenerErrors;
        this.lock = flaw == Flaw.CALLBACKS_UNDER_GLOBAL_LOCK ? GLOBAL_LOCK : new Object();
    }

    private final class Call implements CallHandle {
        final C context;
        boolean busy;
        boolean finalSent;
        Status fin;
        Throwable error;

        Call(C context) { this.context = context; }

        FlawedSink<C> sink() { return FlawedSink.this; }

        @Override public boolean isCancelled() { synchronized (lock) { return fin == Status.CANCELLED; } }

        @Override public boolean isFinished() { synchronized (lock) { return fin != null; } }
    }

    @Override
    public CallHandle begin(C context) {
        Call call = new Call(context);
        synchronized (lock) {
            registry.add(call);
        }
        return call;
    }

    @Override
    public Acceptance deliver(CallHandle handle, Object object) {
        return signal(handle, (l, context) -> l.onObject(context, object));
    }

    @Override
    public Acceptance progress(CallHandle handle, int current, int upperBound, String message) {
        return signal(handle, (l, context) -> l.onProgress(context, current, upperBound, message));
    }

    @Override
    public Acceptance complete(CallHandle handle) { return finish(handle, Status.COMPLETED, null); }

    @Override
    public Acceptance fail(CallHandle handle, Throwable error) { return finish(handle, Status.FAILED, error); }

    @Override
    public void cancel() {
        List<Call> swept;
        synchronized (lock) {
            swept = new ArrayList<>(registry);
            if (flaw == Flaw.CANCEL_MISSES_NEWEST && !swept.isEmpty()) swept.remove(swept.size() - 1);
            for (Call call : swept) decide(call, Status.CANCELLED, null);
        }
        for (Call call : swept) sendFinalIfDue(call, flaw == Flaw.SWEEP_STOPS_AT_THROW);
    }

    @Override
    public int pendingCalls() {
        synchronized (lock) {
            return registry.size();
        }
    }

    @SuppressWarnings("unchecked")
    private Call own(CallHandle handle) {
        if (!(handle instanceof FlawedSink.Call)) return null;
        Call call = (Call) handle;
        return call.sink() == this || flaw == Flaw.ACCEPTS_FOREIGN_HANDLES ? call : null;
    }

    private Acceptance signal(CallHandle handle, BiConsumer<SinkListener<C>, C> callback) {
        Call call = own(handle);
        if (call == null) return Acceptance.NOT_THIS_SINK;
        synchronized (lock) {
            boolean open = call.fin == null || (flaw == Flaw.SIGNALS_AFTER_CANCEL && call.fin == Status.CANCELLED);
            if (!open) return Acceptance.CALL_FINISHED;
            if (call.busy) return Acceptance.CALL_BUSY;
            call.busy = true;
        }
        boolean threw = run(call, callback, false);
        synchronized (lock) {
            call.busy = false;
            if (threw && call.fin == null) decide(call, Status.CANCELLED, null);
        }
        sendFinalIfDue(call, false);
        return Acceptance.ACCEPTED;
    }

    private Acceptance finish(CallHandle handle, Status fin, Throwable error) {
        Call call = own(handle);
        if (call == null) return Acceptance.NOT_THIS_SINK;
        synchronized (lock) {
            if (call.fin != null) return Acceptance.CALL_FINISHED;
            decide(call, fin, error);
        }
        sendFinalIfDue(call, false);
        return Acceptance.ACCEPTED;
    }

    private void decide(Call call, Status fin, Throwable error) {
        call.fin = fin;
        call.error = error;
        registry.remove(call);
        if (flaw == Flaw.RETAINS_FINISHED) finished.add(call);
    }

    private void sendFinalIfDue(Call call, boolean rethrow) {
        synchronized (lock) {
            if (call.fin == null || call.busy || call.finalSent) return;
            call.finalSent = true;
            call.busy = true;
        }
        run(call, (l, context) -> {
            if (call.fin == Status.COMPLETED) l.onCompleted(context);
            else if (call.fin == Status.FAILED) l.onFailed(context, call.error);
            else l.onCancelled(context);
        }, rethrow);
        synchronized (lock) {
            call.busy = false;   // finalSent keeps every later final out; signals are refused by fin (unless flawed)
        }
    }

    /** Runs one listener callback; true if it threw. */
    private boolean run(Call call, BiConsumer<SinkListener<C>, C> callback, boolean rethrow) {
        if (flaw == Flaw.CALLBACKS_UNDER_SINK_LOCK || flaw == Flaw.CALLBACKS_UNDER_GLOBAL_LOCK) {
            synchronized (lock) {
                return runUnguarded(call, callback, rethrow);
            }
        }
        return runUnguarded(call, callback, rethrow);
    }

    private boolean runUnguarded(Call call, BiConsumer<SinkListener<C>, C> callback, boolean rethrow) {
        try {
            callback.accept(listener, call.context);
            return false;
        } catch (RuntimeException e) {
            if (rethrow) throw e;
            if (flaw != Flaw.SWALLOWS_LISTENER_ERRORS) listenerErrors.accept(call.context, e);
            return true;
        }
    }
}
