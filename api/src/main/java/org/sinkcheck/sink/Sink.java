package org.sinkcheck.sink;

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
