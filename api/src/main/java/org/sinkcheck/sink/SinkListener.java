package org.sinkcheck.sink;

/**
 * The client's side of a sink: receives the callbacks of every call begun on it (WMI's
 * {@code SWbemSink} events). The context is the object the caller passed to
 * {@link Sink#begin(Object)}; it is the only thing that tells apart calls sharing a sink (SC-09).
 *
 * <p>Per call: zero or more {@link #onObject}/{@link #onProgress}, then exactly one of
 * {@link #onCompleted}, {@link #onFailed}, {@link #onCancelled}, then nothing (SC-03). Callbacks of one
 * call never run concurrently; across calls there is no ordering (SC-09).
 *
 * <p>A listener may throw. A throw from {@code onObject} or {@code onProgress} cancels that call only,
 * which then receives {@code onCancelled} (WMI: a sink error cancels the call); a throw from a final
 * callback changes nothing more. Either way the error is reported, never swallowed (SC-15).
 *
 * @param <C> the caller's context type
 */
public interface SinkListener<C> {
    /** A result object of the call ({@code OnObjectReady}). */
    void onObject(C context, Object object);

    /** A progress report of the call ({@code OnProgress}). */
    void onProgress(C context, int current, int upperBound, String message);

    /** Final: the call completed normally. */
    void onCompleted(C context);

    /** Final: the call failed with the provider's error. */
    void onFailed(C context, Throwable error);

    /** Final: the call was cancelled, by {@link Sink#cancel()} or because this listener threw. */
    void onCancelled(C context);
}
