package org.sinkcheck.stress;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import org.sinkcheck.kit.Settling;
import org.sinkcheck.kit.SinkApiAdapter;
import org.sinkcheck.reference.ReferenceSink;
import org.sinkcheck.sink.SinkListener;

/**
 * A correct sink with threads of its own: the reference sink, whose listener callbacks each sink runs
 * in order on a single executor thread of its own; {@code settle()} waits for the callbacks due so far,
 * and {@code dispose()} ends the thread.
 * Until the kit's correct controls land, this is the stress tier's example of a sink Lincheck cannot run.
 */
public final class CallsBackOnItsOwnExecutor extends SinkApiAdapter<ReferenceSink<Object>> {
    private final java.util.Map<ReferenceSink<Object>, ExecutorService> loops = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    protected ReferenceSink<Object> create(SinkListener<Object> listener, BiConsumer<Object, Throwable> listenerErrors) {
        ExecutorService loop = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "own-executor-callbacks");
            thread.setDaemon(true);
            return thread;
        });
        SinkListener<Object> onTheLoop = new SinkListener<>() {
            @Override public void onObject(Object context, Object object) { loop.execute(() -> listener.onObject(context, object)); }
            @Override public void onProgress(Object context, int current, int upperBound, String message) {
                loop.execute(() -> listener.onProgress(context, current, upperBound, message));
            }
            @Override public void onCompleted(Object context) { loop.execute(() -> listener.onCompleted(context)); }
            @Override public void onFailed(Object context, Throwable error) { loop.execute(() -> listener.onFailed(context, error)); }
            @Override public void onCancelled(Object context) { loop.execute(() -> listener.onCancelled(context)); }
        };
        ReferenceSink<Object> sink = new ReferenceSink<>(onTheLoop, listenerErrors);
        loops.put(sink, loop);
        return sink;
    }

    @Override
    public void settle(ReferenceSink<Object> sink, Settling settling) {
        settling.until("the sink's callback thread to run a barrier queued behind its callbacks", loops.get(sink).submit(() -> { }));
    }

    @Override
    public void dispose(ReferenceSink<Object> sink) { loops.remove(sink).shutdown(); }

    @Override public String name() { return "calls-back-on-its-own-executor"; }
}
