package org.sinkcheck.mutants;

import java.util.function.BiConsumer;
import org.sinkcheck.sink.Acceptance;
import org.sinkcheck.sink.CallHandle;
import org.sinkcheck.sink.Sink;
import org.sinkcheck.sink.SinkListener;

/**
 * The Sink API written once for this module's own sinks — the mutants' lock-based {@link BaseSink} and the
 * correct controls' lock-free {@link ControlSink} — over what each design decides for itself: how a call is
 * made and registered, how a signal is admitted and run, and how a final is decided.
 *
 * @param <C> the design's call, which is also the handle it issues
 */
public abstract class SignalledSink<C extends CallHandle> implements Sink<Object> {

    /** The three ways a call ends. */
    protected enum Final { COMPLETED, FAILED, CANCELLED }

    /** The two provider signals that run a listener callback without ending the call. */
    protected enum Signal { OBJECT, PROGRESS }

    /** A new, not yet registered call carrying {@code context}. */
    protected abstract C newCall(Object context);

    /** Makes a new call reachable by {@link #cancel()}. */
    protected abstract void register(C call);

    /** The call behind {@code handle} if this sink issued it, else null (SC-14). */
    protected abstract C own(CallHandle handle);

    /** Runs {@code callback} (given the listener and the call's context) if the design admits the signal. */
    protected abstract Acceptance signal(C call, Signal kind, BiConsumer<SinkListener<Object>, Object> callback);

    /** Decides the call's final, or refuses if it has one; the final is sent as the design sends it. */
    protected abstract Acceptance finish(C call, Final fin, Throwable error);

    /** The listener every callback goes to. */
    protected abstract SinkListener<Object> listener();

    @Override
    public CallHandle begin(Object context) {
        C call = newCall(context);
        register(call);
        return call;
    }

    @Override
    public Acceptance deliver(CallHandle handle, Object object) {
        return signalOwn(handle, Signal.OBJECT, (listener, context) -> listener.onObject(context, object));
    }

    @Override
    public Acceptance progress(CallHandle handle, int current, int upperBound, String message) {
        return signalOwn(handle, Signal.PROGRESS, (listener, context) -> listener.onProgress(context, current, upperBound, message));
    }

    @Override
    public Acceptance complete(CallHandle handle) { return finishOwn(handle, Final.COMPLETED, null); }

    @Override
    public Acceptance fail(CallHandle handle, Throwable error) { return finishOwn(handle, Final.FAILED, error); }

    private Acceptance signalOwn(CallHandle handle, Signal kind, BiConsumer<SinkListener<Object>, Object> callback) {
        C call = own(handle);
        return call == null ? Acceptance.NOT_THIS_SINK : signal(call, kind, callback);
    }

    private Acceptance finishOwn(CallHandle handle, Final fin, Throwable error) {
        C call = own(handle);
        return call == null ? Acceptance.NOT_THIS_SINK : finish(call, fin, error);
    }

    /** The final callback itself. */
    protected void invokeFinal(Object context, Final fin, Throwable error) {
        switch (fin) {
            case COMPLETED: listener().onCompleted(context); break;
            case FAILED: listener().onFailed(context, error); break;
            default: listener().onCancelled(context); break;
        }
    }
}
