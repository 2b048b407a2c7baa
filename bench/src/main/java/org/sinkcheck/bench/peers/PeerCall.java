package org.sinkcheck.bench.peers;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.sinkcheck.kit.Events;

/**
 * One call of a peer sink: the disposable a library's group holds. Its state moves once, by CAS, from
 * pending to completed or cancelled, and the winner runs the final callback; this is the per-call
 * exactly-once that every peer needs and none provides for its members.
 *
 * <p>It is both an RxJava and a Reactor {@code Disposable} (the two interfaces agree method for method),
 * so one call type serves every peer and the comparison measures the groups, not the calls.
 */
public class PeerCall implements io.reactivex.rxjava3.disposables.Disposable, reactor.core.Disposable {
    private static final int PENDING = 0;
    private static final int COMPLETED = 1;
    private static final int CANCELLED = 2;
    /** Only the limit's calls use it: a thread holds the call's token (see {@link LimitCall}). */
    private static final int BUSY = 3;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(PeerCall.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final Object context;
    final Events events;
    private volatile int state;

    PeerCall(Object context, Events events) {
        this.context = context;
        this.events = events;
    }

    /** The provider's delivery: accepted only while the call is pending. */
    boolean deliver(Object object) {
        if (state != PENDING) return false;
        events.object(context, object);
        return true;
    }

    /** Takes the call's token (pending to busy) by CAS; false if the call is not pending or is held. */
    final boolean claim() {
        return STATE.compareAndSet(this, PENDING, BUSY);
    }

    /** Gives the token back (busy to pending) by CAS; false if someone moved the held call meanwhile. */
    final boolean release() {
        return STATE.compareAndSet(this, BUSY, PENDING);
    }

    /** The provider ends the call; false if it already had its final. */
    boolean complete() {
        if (!STATE.compareAndSet(this, PENDING, COMPLETED)) return false;
        events.completed(context);
        return true;
    }

    /** Cancels the call unless it already has its final: the groups' sweep calls this. */
    @Override
    public void dispose() {
        if (STATE.compareAndSet(this, PENDING, CANCELLED)) events.cancelled(context);
    }

    @Override
    public boolean isDisposed() { return state != PENDING; }

    boolean isCancelled() { return state == CANCELLED; }
}
