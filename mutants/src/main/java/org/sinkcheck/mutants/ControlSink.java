package org.sinkcheck.mutants;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.sinkcheck.sink.Acceptance;
import org.sinkcheck.sink.CallHandle;
import org.sinkcheck.sink.Sink;
import org.sinkcheck.sink.SinkListener;

/**
 * The common part of the correct control sinks: every call's state is one immutable {@link State} in an
 * {@link AtomicReference}, changed by compare-and-set only, so no lock is ever held around a listener.
 * What a design decides — how the pending calls are registered, and on which thread callbacks run — is
 * its subclass's ({@link ConcurrentMapSink}, {@link CopyOnWriteSink}, {@link CasSink}, {@link ExecutorSink}).
 * The mutants of these designs break one hook of one of them.
 */
public abstract class ControlSink extends SignalledSink<ControlSink.Call> {

    /* Implementation notes.
     *
     * A call's State is (fin, error, busy, due). Invariants:
     *   - fin is written once, by the one compare-and-set that decides it (decide): exactly one final
     *     wins (SC-05), and the winner unregisters the call before its final is sent (SC-13);
     *   - busy: one thread owns the call's callbacks. A signal is admitted only into an idle, unfinished
     *     call (admit), so callbacks of one call never overlap (SC-09) and a cancelled call starts no
     *     object or progress callback (SC-04);
     *   - due: a final decided while a callback runs is sent by the thread that owns the call, right
     *     after that callback (leave), so cancel never waits for a running listener (SC-11) and a cancel
     *     from inside a callback ends the running call after it (SC-16).
     * The error travels inside the State the winner publishes, so the final callback never reads an
     * error another (losing) fail wrote.
     *
     * cancel() decides each call it finds registered and only then does the call leave the registry (in
     * decide): a call is never out of the registry and undecided. Taking the calls out first, then
     * deciding them, lets a second cancel running at the same time find nothing and return while the
     * first has yet to decide: the soak caught that shape (SC-04, two callbacks after a cancel returned).
     */

    /**
     * A call's state: its final (null while pending), who owns its callbacks, and whether a final is due.
     * An immutable class rather than a record: Lincheck 2.39's model checking cannot read a record's
     * fields and fails inside itself on a sink that has one.
     */
    private static final class State {
        static final State IDLE = new State(null, null, false, false);

        final Final fin;
        final Throwable error;
        final boolean busy;
        final boolean due;

        State(Final fin, Throwable error, boolean busy, boolean due) {
            this.fin = fin;
            this.error = error;
            this.busy = busy;
            this.due = due;
        }
    }

    /** How a decision went for the thread that made it. */
    private enum Decision { LOST, SEND_NOW, SENT_AFTER_RUNNING_CALLBACK }

    /** One call: its handle. */
    protected static final class Call implements CallHandle {
        final ControlSink sink;
        final Object context;
        private final AtomicReference<State> state = new AtomicReference<>(State.IDLE);

        Call(ControlSink sink, Object context) {
            this.sink = sink;
            this.context = context;
        }

        @Override public boolean isCancelled() { return state.get().fin == Final.CANCELLED; }

        @Override public boolean isFinished() { return state.get().fin != null; }
    }

    private final SinkListener<Object> listener;
    private final BiConsumer<Object, Throwable> listenerErrors;

    protected ControlSink(SinkListener<Object> listener, BiConsumer<Object, Throwable> listenerErrors) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.listenerErrors = Objects.requireNonNull(listenerErrors, "listenerErrors");
    }

    // ---- the design: each subclass's own ----

    /** Makes a new call reachable by {@link #cancel()}. */
    @Override
    protected abstract void register(Call call);

    /** A call that got its final leaves the registry (SC-13); a no-op if cancel already detached it. */
    protected abstract void unregister(Call call);

    /** The registered calls, as cancel walks them: each call registered when the walk starts is in it. */
    protected abstract Iterable<Call> registeredCalls();

    /** How many calls the registry holds. */
    protected abstract int registered();

    /** Runs a callback, with what follows it (a final that fell due). The default: on the calling thread. */
    protected void runCallback(Runnable callback) { callback.run(); }

    /**
     * A signal found {@code call} busy with another callback: whether to wait until that callback is over
     * and try again (after waiting), or to refuse with {@code CALL_BUSY}. The default refuses: on the
     * calling-thread designs a busy call has a callback running right now.
     */
    protected boolean awaitIdle(Call call) { return false; }

    /** Whether {@code call} has no callback running or due, or has its final: what {@link #awaitIdle} waits for. */
    protected static boolean idleOrFinished(Call call) {
        State s = call.state.get();
        return !s.busy || s.fin != null;
    }

    @Override
    protected Call own(CallHandle handle) {
        return handle instanceof Call && ((Call) handle).sink == this ? (Call) handle : null;
    }

    // ---- the Sink API (SignalledSink's) ----

    @Override
    protected Call newCall(Object context) { return new Call(this, context); }

    @Override
    protected SinkListener<Object> listener() { return listener; }

    @Override
    public void cancel() {
        for (Call call : registeredCalls()) {
            if (decide(call, Final.CANCELLED, null) == Decision.SEND_NOW) sendFinal(call);
        }
    }

    @Override
    public int pendingCalls() { return registered(); }

    // ---- the call's state machine ----

    /** Every signal alike: the kind does not change how a lock-free call admits it. */
    @Override
    protected Acceptance signal(Call call, Signal kind, BiConsumer<SinkListener<Object>, Object> callback) {
        while (true) {
            State s = call.state.get();
            if (s.fin != null) return Acceptance.CALL_FINISHED;
            if (s.busy) {
                if (!awaitIdle(call)) return Acceptance.CALL_BUSY;
            } else if (call.state.compareAndSet(s, new State(null, null, true, false))) {
                break;
            }
        }
        runCallback(() -> {
            if (!runListener(call, () -> callback.accept(listener, call.context))) {
                // the listener threw: its own call, and only it, is cancelled (SC-15)
                decide(call, Final.CANCELLED, null);
            }
            leave(call);
        });
        return Acceptance.ACCEPTED;
    }

    @Override
    protected Acceptance finish(Call call, Final fin, Throwable error) {
        Decision decision = decide(call, fin, error);
        if (decision == Decision.LOST) return Acceptance.CALL_FINISHED;
        if (decision == Decision.SEND_NOW) sendFinal(call);
        return Acceptance.ACCEPTED;
    }

    /** Decides {@code call}'s final if it has none; the winner takes the call's callbacks unless a callback runs. */
    private Decision decide(Call call, Final fin, Throwable error) {
        while (true) {
            State s = call.state.get();
            if (s.fin != null) return Decision.LOST;
            if (call.state.compareAndSet(s, new State(fin, error, true, s.busy))) {
                unregister(call);
                return s.busy ? Decision.SENT_AFTER_RUNNING_CALLBACK : Decision.SEND_NOW;
            }
        }
    }

    /** Sends the decided final of a call whose callbacks this thread now owns. */
    private void sendFinal(Call call) {
        runCallback(() -> {
            State s = call.state.get();
            runListener(call, () -> invokeFinal(call.context, s.fin, s.error));
            leave(call);
        });
    }

    /** A callback of {@code call} returned: the final decided meanwhile, if any, follows on this thread. */
    private void leave(Call call) {
        while (true) {
            State s = call.state.get();
            if (s.due) {
                if (call.state.compareAndSet(s, new State(s.fin, s.error, true, false))) {
                    runListener(call, () -> invokeFinal(call.context, s.fin, s.error));
                }
            } else if (call.state.compareAndSet(s, new State(s.fin, s.error, false, false))) {
                return;
            }
        }
    }

    /** Runs one listener callback; returns false, after reporting it, if the listener threw (SC-15). */
    private boolean runListener(Call call, Runnable callback) {
        try {
            callback.run();
            return true;
        } catch (RuntimeException | Error e) {
            listenerErrors.accept(call.context, e);
            return false;
        }
    }
}
