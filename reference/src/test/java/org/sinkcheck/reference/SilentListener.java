package org.sinkcheck.reference;

import org.sinkcheck.sink.SinkListener;

/** A listener that does and keeps nothing: only the sink could keep a context reachable or allocate. */
final class SilentListener implements SinkListener<Object> {
    @Override public void onObject(Object context, Object object) { }
    @Override public void onProgress(Object context, int current, int upperBound, String message) { }
    @Override public void onCompleted(Object context) { }
    @Override public void onFailed(Object context, Throwable error) { }
    @Override public void onCancelled(Object context) { }
}
