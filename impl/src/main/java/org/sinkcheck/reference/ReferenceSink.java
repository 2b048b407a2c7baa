package org.sinkcheck.reference;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import org.sinkcheck.sink.Acceptance;
import org.sinkcheck.sink.CallHandle;
import org.sinkcheck.sink.Sink;
import org.sinkcheck.sink.SinkListener;

/**
 * The first reference sink: correct before fast. One monitor guards the registry and every call's
 * state; no listener ever runs while it is held. To be replaced by the lock-free sink (issue 3).
 */
public final class ReferenceSink<C> implements Sink<C> {
    private final SinkListener<C> listener;
    private final BiConsumer<? super C, ? super Throwable> listenerErrors;
    private final Object lock = new Object();
    private final Set<Call> registry = new LinkedHashSet<>();

    /**
     * @param listener       receives every callback
     * @param listenerErrors receives each exception the listener throws (SC-15), with the call's context
     */
    public ReferenceSink(SinkListener<C> listener, BiConsumer<? super C, ? super Throwable> listenerErrors) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.listenerErrors = Objects.requireNonNull(listenerErrors, "listenerErrors");
    }

    private enum Final { COMPLETED, FAILED, CANCELLED }

    private final class Call implements CallHandle {
        final C context;
        boolean busy;          // a callback of this call is running
        Final fin;             // decided final, if any
        Throwable error;       // with FAILED
        boolean finalSent;

        Call(C context) { this.context = context; }

        ReferenceSink<C> sink() { return ReferenceSink.this; }

        @Override public boolean isCancelled() { synchronized (lock) { return fin == Final.CANCELLED; } }

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

    @SuppressWarnings("unchecked")
    private Call own(CallHandle handle) {
        if (handle instanceof ReferenceSink.Call && ((Call) handle).sink() == this) return (Call) handle;
        return null;
    }

    @Override
    public Acceptance deliver(CallHandle handle, Object object) {
        return signal(handle, call -> listener.onObject(call.context, object));
    }

    @Override
    public Acceptance progress(CallHandle handle, int current, int upperBound, String message) {
        return signal(handle, call -> listener.onProgress(call.context, current, upperBound, message));
    }

    private Acceptance signal(CallHandle handle, java.util.function.Consumer<Call> callback) {
        Call call = own(handle);
        if (call == null) return Acceptance.NOT_THIS_SINK;
        synchronized (lock) {
            if (call.fin != null) return Acceptance.CALL_FINISHED;
            if (call.busy) return Acceptance.CALL_BUSY;
            call.busy = true;
        }
        boolean threw = false;
        try {
            callback.accept(call);
        } catch (Throwable t) {
            threw = true;
            listenerErrors.accept(call.context, t);
        }
        synchronized (lock) {
            call.busy = false;
            if (threw && call.fin == null) decide(call, Final.CANCELLED, null);
        }
        sendFinalIfDue(call);
        return Acceptance.ACCEPTED;
    }

    @Override
    public Acceptance complete(CallHandle handle) {
        return finish(handle, Final.COMPLETED, null);
    }

    @Override
    public Acceptance fail(CallHandle handle, Throwable error) {
        return finish(handle, Final.FAILED, error);
    }

    private Acceptance finish(CallHandle handle, Final fin, Throwable error) {
        Call call = own(handle);
        if (call == null) return Acceptance.NOT_THIS_SINK;
        synchronized (lock) {
            if (call.fin != null) return Acceptance.CALL_FINISHED;
            decide(call, fin, error);
        }
        sendFinalIfDue(call);
        return Acceptance.ACCEPTED;
    }

    @Override
    public void cancel() {
        List<Call> cancelled;
        synchronized (lock) {
            cancelled = new ArrayList<>(registry);
            for (Call call : cancelled) decide(call, Final.CANCELLED, null);
        }
        for (Call call : cancelled) sendFinalIfDue(call);
    }

    @Override
    public int pendingCalls() {
        synchronized (lock) {
            return registry.size();
        }
    }

    /** Under the lock: the call's final is decided and it leaves the registry at once. */
    private void decide(Call call, Final fin, Throwable error) {
        call.fin = fin;
        call.error = error;
        registry.remove(call);
    }

    /** Sends the decided final unless a callback of the call is running; that thread will send it. */
    private void sendFinalIfDue(Call call) {
        synchronized (lock) {
            if (call.fin == null || call.busy || call.finalSent) return;
            call.finalSent = true;
            call.busy = true;
        }
        try {
            switch (call.fin) {
                case COMPLETED: listener.onCompleted(call.context); break;
                case FAILED: listener.onFailed(call.context, call.error); break;
                default: listener.onCancelled(call.context); break;
            }
        } catch (Throwable t) {
            listenerErrors.accept(call.context, t);
        }
    }
}
