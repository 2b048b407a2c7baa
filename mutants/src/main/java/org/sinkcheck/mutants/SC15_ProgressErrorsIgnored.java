package org.sinkcheck.mutants;

import org.sinkcheck.sink.SinkListener;

/**
 * SC-15 broken in progress callbacks: progress is taken as advisory, so an exception its listener throws
 * is caught and dropped — not reported, and the call is not cancelled. Object callbacks are handled as
 * the rule says, so a kit whose listener throws only from object callbacks and finals passes it.
 */
@BugPattern("exceptions from onProgress swallowed as advisory: not reported, the call not cancelled")
public class SC15_ProgressErrorsIgnored extends BaseSink {
    private final SinkListener<Object> guarded = guard(super.listener());

    private static SinkListener<Object> guard(SinkListener<Object> listener) {
        return new SinkListener<>() {
            @Override public void onObject(Object context, Object object) { listener.onObject(context, object); }
            @Override public void onProgress(Object context, int current, int upperBound, String message) {
                try {
                    listener.onProgress(context, current, upperBound, message);
                } catch (RuntimeException advisory) {
                    // the bug: dropped
                }
            }
            @Override public void onCompleted(Object context) { listener.onCompleted(context); }
            @Override public void onFailed(Object context, Throwable error) { listener.onFailed(context, error); }
            @Override public void onCancelled(Object context) { listener.onCancelled(context); }
        };
    }

    @Override
    protected SinkListener<Object> listener() { return guarded; }

    public static final class Adapter extends MutantAdapter {}
}
