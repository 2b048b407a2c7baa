package org.sinkcheck.sink;

import java.util.List;

/**
 * An asynchronous sink: one listener receiving the callbacks of many outstanding calls, and one
 * {@link #cancel()} that ends all of them and never another sink's (WMI {@code SWbemSink.Cancel}).
 *
 * <p>The provider side ({@code deliver}, {@code progress}, {@code complete}, {@code fail}) takes the
 * {@link CallHandle} that {@link #begin(Object)} issued; each returns an {@link Acceptance} instead of
 * throwing, because a refused signal is an expected outcome of a race, not an error.
 *
 * @param <C> the caller's context type
 */
public interface Sink<C> {
    /**
     * Begins a call bound to this sink, carrying {@code context} back on every callback.
     * The call is live even if this sink was cancelled before (SC-08). A call begun concurrently with
     * {@link #cancel()} is either cancelled by it or fully live, never lost (SC-06).
     */
    CallHandle begin(C context);

    /** Delivers a result object of the call. */
    Acceptance deliver(CallHandle call, Object object);

    /**
     * Delivers {@code objects} of the call as one batch, in their order (WMI's
     * {@code IWbemObjectSink::Indicate} takes an array). Each object is, for the rules, one delivery:
     * no object callback starts once the call is cancelled (SC-04), so a cancel that takes effect
     * between two objects stops the batch there and the call gets {@code onCancelled}; a listener that
     * throws from an object's callback cancels the call and ends the batch (SC-15); a cancel from inside
     * an object's callback takes effect likewise (SC-16); the callbacks never overlap (SC-09).
     *
     * <p>The answer: {@link Acceptance#ACCEPTED} when every object reached the listener (a cancel during
     * the last callback, or a throw from it, then ends the call as after {@link #deliver});
     * {@link Acceptance#CALL_FINISHED} when the call has its final and the batch stopped before its last
     * object (the objects before that point reached the listener, none after); {@link Acceptance#CALL_BUSY}
     * and {@link Acceptance#NOT_THIS_SINK} when nothing was delivered. An empty batch delivers nothing
     * and answers whether the call has its final.
     *
     * <p>This default delivers the objects one by one through {@link #deliver} and stops at the first
     * that is refused: other signals of the call may come between two of its objects. A sink that holds
     * the call for the whole batch, as the reference sink does (one token claim for all its objects),
     * overrides it.
     *
     * @throws NullPointerException if {@code objects} is null (nothing is delivered)
     */
    default Acceptance deliverAll(CallHandle call, List<?> objects) {
        if (objects == null) throw new NullPointerException("deliverAll: the list of objects is null");
        if (objects.isEmpty()) return call.isFinished() ? Acceptance.CALL_FINISHED : Acceptance.ACCEPTED;
        Acceptance answer = Acceptance.ACCEPTED;
        for (Object object : objects) if ((answer = deliver(call, object)) != Acceptance.ACCEPTED) break;
        return answer;
    }

    /** Reports progress of the call. */
    Acceptance progress(CallHandle call, int current, int upperBound, String message);

    /**
     * Ends the call normally; exactly one of complete, fail and cancel wins (SC-05). Refused with
     * {@link Acceptance#CALL_BUSY} while another signal of the same call is being handled.
     */
    Acceptance complete(CallHandle call);

    /** Ends the call with the provider's error; exactly one of complete, fail and cancel wins (SC-05). */
    Acceptance fail(CallHandle call, Throwable error);

    /**
     * Cancels every call of this sink pending at this method's linearization point (SC-01), and no call
     * of any other sink (SC-02). Idempotent; a no-op on an idle sink (SC-07). Never blocks on a provider
     * or a listener (SC-11), and may be called from inside a callback (SC-16). A call whose signal another
     * thread is handling at that point gets {@code onCancelled} from that thread, right after the
     * callback it is running; every other cancelled call gets it before this method returns (SC-04).
     */
    void cancel();

    /** The number of calls this sink still references: its pending calls, never a finished one (SC-13). */
    int pendingCalls();
}
