package org.sinkcheck.kit.reference;

import java.util.EnumSet;
import java.util.Set;
import org.sinkcheck.kit.Capability;
import org.sinkcheck.kit.Events;
import org.sinkcheck.kit.SinkAdapter;
import org.sinkcheck.reference.ReferenceSink;
import org.sinkcheck.sink.Acceptance;
import org.sinkcheck.sink.CallHandle;
import org.sinkcheck.sink.SinkListener;

/**
 * The worked example: sinkcheck's own reference sink, plugged into the kit. Every capability is
 * declared, so every rule applies. An author's adapter looks like this one.
 */
public final class ReferenceSinkAdapter implements SinkAdapter<ReferenceSink<Object>, CallHandle> {

    @Override
    public String name() { return "reference"; }

    @Override
    public Set<Capability> capabilities() { return EnumSet.allOf(Capability.class); }

    @Override
    public ReferenceSink<Object> newSink(Events events) {
        SinkListener<Object> listener = new SinkListener<>() {
            @Override public void onObject(Object context, Object object) { events.object(context, object); }
            @Override public void onProgress(Object context, int current, int upperBound, String message) { events.progress(context); }
            @Override public void onCompleted(Object context) { events.completed(context); }
            @Override public void onFailed(Object context, Throwable error) { events.failed(context, error); }
            @Override public void onCancelled(Object context) { events.cancelled(context); }
        };
        return new ReferenceSink<>(listener, events::listenerError);
    }

    @Override
    public CallHandle begin(ReferenceSink<Object> sink, Object context) { return sink.begin(context); }

    @Override
    public boolean deliver(ReferenceSink<Object> sink, CallHandle call, Object object) {
        return sink.deliver(call, object) == Acceptance.ACCEPTED;
    }

    @Override
    public boolean progress(ReferenceSink<Object> sink, CallHandle call) {
        return sink.progress(call, 1, 1, "progress") == Acceptance.ACCEPTED;
    }

    @Override
    public boolean complete(ReferenceSink<Object> sink, CallHandle call) {
        return sink.complete(call) == Acceptance.ACCEPTED;
    }

    @Override
    public boolean fail(ReferenceSink<Object> sink, CallHandle call, Throwable error) {
        return sink.fail(call, error) == Acceptance.ACCEPTED;
    }

    @Override
    public void cancel(ReferenceSink<Object> sink) { sink.cancel(); }

    @Override
    public int pendingCalls(ReferenceSink<Object> sink) { return sink.pendingCalls(); }

    @Override
    public boolean providerSeesCancelled(ReferenceSink<Object> sink, CallHandle call) { return call.isCancelled(); }

    @Override
    public CallHandle forgeHandle(ReferenceSink<Object> sink) {
        return new CallHandle() {
            @Override public boolean isCancelled() { return false; }
            @Override public boolean isFinished() { return false; }
        };
    }
}
