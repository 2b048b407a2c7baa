package org.sinkcheck.kit;

import java.lang.ref.WeakReference;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.BiConsumer;
import org.sinkcheck.sink.Acceptance;
import org.sinkcheck.sink.CallHandle;
import org.sinkcheck.sink.Sink;
import org.sinkcheck.sink.SinkListener;

/**
 * The adapter of any sink written against sinkcheck's own {@link Sink} API: only construction is
 * left to the subclass. The reference sink and every mutant plug in through it, so the mapping from
 * the kit's actions to the API is written once. Every capability is declared: the API shows them all.
 *
 * @param <S> the sink implementation
 */
public abstract class SinkApiAdapter<S extends Sink<Object>> implements SinkAdapter<S, CallHandle> {

    /** A sink calling {@code listener}, reporting the listener's exceptions to {@code listenerErrors} (SC-15). */
    protected abstract S create(SinkListener<Object> listener, BiConsumer<Object, Throwable> listenerErrors);

    @Override
    public Set<Capability> capabilities() { return EnumSet.allOf(Capability.class); }

    /**
     * One listener per {@link Events}: sinks the kit gives the same events share one listener object. The
     * listener is held weakly, as its key is: it refers to its events, and a strong value would keep both
     * (and everything the kit's listener recorded) for as long as the adapter lives. The sinks hold it while they live.
     */
    private final Map<Events, WeakReference<SinkListener<Object>>> listeners = Collections.synchronizedMap(new WeakHashMap<>());

    @Override
    public final S newSink(Events events) {
        SinkListener<Object> listener;
        synchronized (listeners) {
            WeakReference<SinkListener<Object>> held = listeners.get(events);
            listener = held == null ? null : held.get();
            if (listener == null) {
                listener = listenerOf(events);
                listeners.put(events, new WeakReference<>(listener));
            }
        }
        return create(listener, events::listenerError);
    }

    private static SinkListener<Object> listenerOf(Events events) {
        return new SinkListener<>() {
            @Override public void onObject(Object context, Object object) { events.object(context, object); }
            @Override public void onProgress(Object context, int current, int upperBound, String message) { events.progress(context); }
            @Override public void onCompleted(Object context) { events.completed(context); }
            @Override public void onFailed(Object context, Throwable error) { events.failed(context, error); }
            @Override public void onCancelled(Object context) { events.cancelled(context); }
        };
    }

    @Override
    public CallHandle begin(S sink, Object context) { return sink.begin(context); }

    @Override
    public boolean deliver(S sink, CallHandle call, Object object) {
        return sink.deliver(call, object) == Acceptance.ACCEPTED;
    }

    @Override
    public boolean deliverAll(S sink, CallHandle call, List<?> objects) {
        return sink.deliverAll(call, objects) == Acceptance.ACCEPTED;
    }

    @Override
    public boolean progress(S sink, CallHandle call) {
        return sink.progress(call, 1, 1, "progress") == Acceptance.ACCEPTED;
    }

    @Override
    public boolean complete(S sink, CallHandle call) { return sink.complete(call) == Acceptance.ACCEPTED; }

    @Override
    public boolean fail(S sink, CallHandle call, Throwable error) {
        return sink.fail(call, error) == Acceptance.ACCEPTED;
    }

    @Override
    public void cancel(S sink) { sink.cancel(); }

    @Override
    public int pendingCalls(S sink) { return sink.pendingCalls(); }

    @Override
    public boolean providerSeesCancelled(S sink, CallHandle call) { return call.isCancelled(); }

    /** A handle of no sink: what untrusted code can present (SC-14). */
    @Override
    public CallHandle forgeHandle(S sink) {
        return new CallHandle() {
            @Override public boolean isCancelled() { return false; }
            @Override public boolean isFinished() { return false; }
        };
    }
}
