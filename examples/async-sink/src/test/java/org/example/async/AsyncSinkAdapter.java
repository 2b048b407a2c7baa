package org.example.async;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.sinkcheck.kit.Capability;
import org.sinkcheck.kit.Events;
import org.sinkcheck.kit.Settling;
import org.sinkcheck.kit.SinkAdapter;

/**
 * The asynchronous sink plugged into the sinkcheck kit. Three things a synchronous adapter does not need:
 * <ul>
 * <li>{@code settle} waits, within the kit's budget, until the sink's executor has run every callback
 *     due so far ({@link TasksInFlight}): quiescence, not the events the kit expects;</li>
 * <li>{@code observesAcceptance}: {@code push} and {@code progress} return nothing, so the kit judges
 *     acceptance by whether their callbacks ran; what the signals return here means nothing;</li>
 * <li>{@code dispose} ends each sink's callback thread.</li>
 * </ul>
 */
public final class AsyncSinkAdapter implements SinkAdapter<AsyncSink, AsyncSink.Request> {

    /** Makes the sink under test: the real one, or a variant. */
    public interface Factory {
        AsyncSink make(AsyncSink.Listener listener, java.util.function.BiConsumer<Object, RuntimeException> failures, TasksInFlight executor);
    }

    private final Factory factory;
    private final Map<AsyncSink, TasksInFlight> executors = new ConcurrentHashMap<>();

    /** The sink itself: the constructor the gate loads the adapter by ({@code ./sinkcheck check --sink}). */
    public AsyncSinkAdapter() { this(AsyncSink::new); }

    public AsyncSinkAdapter(Factory factory) { this.factory = factory; }

    @Override public String name() { return "async-sink"; }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.allOf(Capability.class);
    }

    @Override
    public AsyncSink newSink(Events events) {
        AsyncSink.Listener listener = new AsyncSink.Listener() {
            @Override public void onItem(Object tag, Object item) { events.object(tag, item); }
            @Override public void onProgress(Object tag) { events.progress(tag); }
            @Override public void onDone(Object tag) { events.completed(tag); }
            @Override public void onError(Object tag, Exception error) { events.failed(tag, error); }
            @Override public void onCancelled(Object tag) { events.cancelled(tag); }
        };
        TasksInFlight executor = new TasksInFlight();
        AsyncSink sink = factory.make(listener, events::listenerError, executor);
        executors.put(sink, executor);
        return sink;
    }

    // --8<-- [settle]
    @Override
    public void settle(AsyncSink sink, Settling settling) {
        TasksInFlight executor = executors.get(sink);
        settling.until("the sink's executor to run every callback queued so far", executor::idle);
    }

    @Override
    public void dispose(AsyncSink sink) {
        try {
            if (!executors.remove(sink).shutDown(1_000)) throw new IllegalStateException("a callback thread still runs 1 s after its sink was disposed of");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code push} and {@code progress} say nothing: the kit takes a signal as accepted when its callback ran. */
    @Override public boolean observesAcceptance() { return true; }
    // --8<-- [settle]

    @Override public AsyncSink.Request begin(AsyncSink sink, Object context) { return sink.open(context); }

    /** Fire-and-forget: the answer is the kit's to observe ({@link #observesAcceptance}). */
    @Override
    public boolean deliver(AsyncSink sink, AsyncSink.Request call, Object object) {
        sink.push(call, object);
        return false;
    }

    @Override
    public boolean progress(AsyncSink sink, AsyncSink.Request call) {
        sink.progress(call);
        return false;
    }

    @Override public boolean complete(AsyncSink sink, AsyncSink.Request call) { return sink.finish(call); }

    @Override
    public boolean fail(AsyncSink sink, AsyncSink.Request call, Throwable error) {
        return sink.fail(call, error instanceof Exception ? (Exception) error : new RuntimeException(error));
    }

    @Override public void cancel(AsyncSink sink) { sink.cancelAll(); }

    @Override public int pendingCalls(AsyncSink sink) { return sink.openRequests(); }

    @Override public boolean providerSeesCancelled(AsyncSink sink, AsyncSink.Request call) { return call.isCancelled(); }

    /** A Request can only be made by an AsyncSink, so the one handle no sink issued is null. */
    @Override public AsyncSink.Request forgeHandle(AsyncSink sink) { return null; }
}
