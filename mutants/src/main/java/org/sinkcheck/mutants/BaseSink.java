package org.sinkcheck.mutants;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.sinkcheck.sink.Acceptance;
import org.sinkcheck.sink.CallHandle;
import org.sinkcheck.sink.Sink;
import org.sinkcheck.sink.SinkListener;

/**
 * A small, plain and correct sink that every mutant breaks in exactly one place. Each protected hook is
 * one decision a real sink makes (where a call is registered, who wins its final, how a listener runs,
 * ...); a mutant overrides one hook, so the bug it carries is the whole of its class body.
 *
 * <p>Invariants (all under {@link #lock}): the registry holds exactly the pending calls; a call's final
 * is decided once, by {@link #decide}; at most one callback of a call runs at a time ({@code inCallback}),
 * and a final decided while one runs is sent by that callback's thread right after it returns
 * ({@code finalDue}); no listener runs while the lock is held. {@link #cancel()} linearizes at the swap
 * of the registry. This is a fixture, not the reference: it is lock-based on purpose, to stay obvious.
 *
 * <p>A mutant declares no constructor: its {@link MutantAdapter} builds it through {@link #build}, which
 * hands this class's constructor the listener while the mutant's implicit one runs, so a mutant's file
 * holds its story and its bug only.
 */
public class BaseSink extends SignalledSink<BaseSink.Call> {

    /** One call: its handle and its state, guarded by its sink's lock. */
    protected static final class Call implements CallHandle {
        final BaseSink sink;
        final Object context;
        Final fin;
        Throwable error;
        boolean inCallback;
        boolean finalDue;

        Call(BaseSink sink, Object context) {
            this.sink = sink;
            this.context = context;
        }

        /** The caller's context: what fixtures built on this sink outside its package tell calls apart by. */
        public Object context() { return context; }

        @Override public boolean isCancelled() { return sink.providerSeesCancelled(this); }

        @Override public boolean isFinished() {
            synchronized (sink.lock) {
                return fin != null;
            }
        }
    }

    protected final Object lock = new Object();
    private final SinkListener<Object> listener;
    private final BiConsumer<Object, Throwable> listenerErrors;
    /** The pending calls of this sink; {@link #detachAll()} swaps in a fresh set. Guarded by {@link #lock}. */
    protected Set<Call> registry = new LinkedHashSet<>();

    /** What {@link #build} gives the sink it is constructing; empty outside {@code build}. */
    private static final ThreadLocal<Wiring> BEING_BUILT = new ThreadLocal<>();

    private record Wiring(SinkListener<Object> listener, BiConsumer<Object, Throwable> listenerErrors) {}

    /** Runs {@code constructor} with the listener and error sink its {@code BaseSink} part takes. */
    static BaseSink build(Supplier<? extends BaseSink> constructor,
                          SinkListener<Object> listener, BiConsumer<Object, Throwable> listenerErrors) {
        BEING_BUILT.set(new Wiring(Objects.requireNonNull(listener, "listener"),
                Objects.requireNonNull(listenerErrors, "listenerErrors")));
        try {
            return constructor.get();
        } finally {
            BEING_BUILT.remove();
        }
    }

    /** Takes the wiring {@link #build} holds out, so that a second sink built inside this one gets none. */
    public BaseSink() {
        Wiring wiring = BEING_BUILT.get();
        if (wiring == null) {
            throw new IllegalStateException(getClass().getSimpleName() + " is built by its MutantAdapter, which gives it its listener");
        }
        BEING_BUILT.remove();
        this.listener = wiring.listener();
        this.listenerErrors = wiring.listenerErrors();
    }

    // ---- the Sink API (SignalledSink's) in terms of the hooks ----

    @Override
    protected Call newCall(Object context) { return new Call(this, context); }

    @Override
    public void cancel() {
        List<Call> cancelled = new ArrayList<>();
        synchronized (lock) {
            for (Call call : detachAll()) {
                if (decide(call, Final.CANCELLED, null)) cancelled.add(call);
            }
        }
        sweep(cancelled);
    }

    @Override
    public int pendingCalls() {
        synchronized (lock) {
            return registry.size();
        }
    }

    @Override
    protected Acceptance signal(Call call, Signal kind, BiConsumer<SinkListener<Object>, Object> callback) {
        Acceptance admitted = admit(call, kind);
        if (admitted != Acceptance.ACCEPTED) return admitted;
        if (!runListener(call, () -> callback.accept(listener(), call.context))) {
            cancelFaultedCall(call);
        }
        leaveCallback(call);
        return Acceptance.ACCEPTED;
    }

    @Override
    protected Acceptance finish(Call call, Final fin, Throwable error) {
        if (!decide(call, fin, error)) return Acceptance.CALL_FINISHED;
        sendFinal(call, fin, error);
        return Acceptance.ACCEPTED;
    }

    /** A callback of {@code call} returned: the final decided meanwhile, if any, follows on this thread. */
    private void leaveCallback(Call call) {
        Final fin;
        Throwable error;
        synchronized (lock) {
            if (!call.finalDue) {
                call.inCallback = false;
                return;
            }
            call.finalDue = false;
            fin = call.fin;
            error = call.error;
        }
        runListener(call, () -> invokeFinal(call.context, fin, error));
        leaveCallback(call);
    }

    // ---- the hooks: each one decision, each the place one mutant breaks ----

    @Override
    protected SinkListener<Object> listener() { return listener; }

    @Override
    protected void register(Call call) {
        synchronized (lock) {
            registry.add(call);
        }
    }

    /** Cancel's linearization point: takes every pending call out of the registry at once. */
    protected Set<Call> detachAll() {
        synchronized (lock) {
            Set<Call> pending = registry;
            registry = new LinkedHashSet<>();
            return pending;
        }
    }

    /** Under the lock: a call that got its final leaves the registry at once (SC-13). */
    protected void unlink(Call call) { registry.remove(call); }

    @Override
    protected Call own(CallHandle handle) {
        return handle instanceof Call && ((Call) handle).sink == this ? (Call) handle : null;
    }

    /** Whether a provider signal may run its callback now; marks the call as in a callback if so. */
    protected Acceptance admit(Call call, Signal kind) {
        synchronized (lock) {
            if (call.fin != null) return Acceptance.CALL_FINISHED;
            if (call.inCallback) return Acceptance.CALL_BUSY;
            call.inCallback = true;
            return Acceptance.ACCEPTED;
        }
    }

    /** Decides {@code call}'s final if it has none yet; exactly one decision wins (SC-05). */
    protected boolean decide(Call call, Final fin, Throwable error) {
        synchronized (lock) {
            if (call.fin != null) return false;
            call.fin = fin;
            call.error = error;
            unlink(call);
            return true;
        }
    }

    /** Sends a final the caller has just decided, unless a callback of the call is running (it then follows it). */
    protected void sendFinal(Call call, Final fin, Throwable error) {
        if (!claimForFinal(call)) return;
        runListener(call, () -> invokeFinal(call.context, fin, error));
        leaveCallback(call);
    }

    /** Under the lock: true if the final may run now; false if the running callback's thread will send it. */
    protected boolean claimForFinal(Call call) {
        synchronized (lock) {
            if (call.inCallback) {
                call.finalDue = true;
                return false;
            }
            call.inCallback = true;
            return true;
        }
    }

    /** Sends the finals of the calls one cancel decided; one listener's exception stops nothing (SC-15). */
    protected void sweep(List<Call> cancelled) {
        for (Call call : cancelled) sendFinal(call, Final.CANCELLED, null);
    }

    /** The listener threw from an object or progress callback: that call, and only it, is cancelled (SC-15). */
    protected void cancelFaultedCall(Call call) {
        if (decide(call, Final.CANCELLED, null)) sendFinal(call, Final.CANCELLED, null);
    }

    /** Runs one listener callback with no lock held; returns false, after reporting it, if the listener threw. */
    protected boolean runListener(Call call, Runnable callback) {
        try {
            callback.run();
            return true;
        } catch (RuntimeException | Error e) {
            reportListenerError(call, e);
            return false;
        }
    }

    /** Hands an exception the listener threw to whoever watches for them (SC-15). */
    protected void reportListenerError(Call call, Throwable error) {
        listenerErrors.accept(call.context, error);
    }

    /** What the provider's handle says: cancelled or not (SC-12). */
    protected boolean providerSeesCancelled(Call call) {
        synchronized (lock) {
            return call.fin == Final.CANCELLED;
        }
    }

    /** The kit's adapter for this correct fixture: it must pass every rule the mutants break. */
    public static final class Adapter extends MutantAdapter {}
}
