package org.sinkcheck.reliability;

import java.util.EnumSet;
import java.util.Set;
import org.sinkcheck.kit.Capability;
import org.sinkcheck.kit.Events;
import org.sinkcheck.kit.SinkAdapter;
import org.sinkcheck.sink.Acceptance;
import org.sinkcheck.sink.CallHandle;
import org.sinkcheck.sink.SinkListener;

/** The kit's view of a {@link FlawedSink} with one flaw; it declares every capability, as a correct sink would. */
final class FlawedSinkAdapter implements SinkAdapter<FlawedSink<Object>, CallHandle> {
    private final FlawedSink.Flaw flaw;

    FlawedSinkAdapter(FlawedSink.Flaw flaw) {
        this.flaw = flaw;
    }

    @Override public String name() { return "flawed-" + flaw.name().toLowerCase(java.util.Locale.ROOT); }

    @Override public Set<Capability> capabilities() { return EnumSet.allOf(Capability.class); }

    @Override
    public FlawedSink<Object> newSink(Events events) {
        return new FlawedSink<>(flaw, new SinkListener<>() {
            @Override public void onObject(Object context, Object object) { events.object(context, object); }
            @Override public void onProgress(Object context, int current, int upperBound, String message) { events.progress(context); }
            @Override public void onCompleted(Object context) { events.completed(context); }
            @Override public void onFailed(Object context, Throwable error) { events.failed(context, error); }
            @Override public void onCancelled(Object context) { events.cancelled(context); }
        }, events::listenerError);
    }

    @Override public CallHandle begin(FlawedSink<Object> sink, Object context) { return sink.begin(context); }

    @Override public boolean deliver(FlawedSink<Object> sink, CallHandle call, Object object) { return sink.deliver(call, object) == Acceptance.ACCEPTED; }

    @Override public boolean progress(FlawedSink<Object> sink, CallHandle call) { return sink.progress(call, 1, 1, "progress") == Acceptance.ACCEPTED; }

    @Override public boolean complete(FlawedSink<Object> sink, CallHandle call) { return sink.complete(call) == Acceptance.ACCEPTED; }

    @Override public boolean fail(FlawedSink<Object> sink, CallHandle call, Throwable error) { return sink.fail(call, error) == Acceptance.ACCEPTED; }

    @Override public void cancel(FlawedSink<Object> sink) { sink.cancel(); }

    @Override public int pendingCalls(FlawedSink<Object> sink) { return sink.pendingCalls(); }

    @Override public boolean providerSeesCancelled(FlawedSink<Object> sink, CallHandle call) { return call.isCancelled(); }

    @Override
    public CallHandle forgeHandle(FlawedSink<Object> sink) {
        return new CallHandle() {
            @Override public boolean isCancelled() { return false; }
            @Override public boolean isFinished() { return false; }
        };
    }
}
