package org.sinkcheck.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.sinkcheck.sink.SinkListener;

/**
 * A listener that records, per context, the events it hears, and fails loudly (into {@link #overlaps})
 * if two callbacks of one context ever run at once (SC-09). Thread-safe; the tests read it when quiet.
 * Hooks let a test act from inside a callback.
 */
class RecordingListener implements SinkListener<Object> {
    /** What a test runs from inside a callback, before the recorder records the event. */
    interface Hook {
        void run(Object context, String event);
    }

    private final Map<Object, List<String>> events = new ConcurrentHashMap<>();
    private final Map<Object, AtomicInteger> inside = new ConcurrentHashMap<>();
    final AtomicInteger overlaps = new AtomicInteger();
    final ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
    volatile Hook hook = (context, event) -> { };

    ReferenceSink<Object> newSink() {
        return new ReferenceSink<>(this, (context, error) -> errors.add(error));
    }

    /** The events of {@code context}, in order. */
    List<String> of(Object context) {
        List<String> list = events.get(context);
        if (list == null) return List.of();
        synchronized (list) {
            return new ArrayList<>(list);
        }
    }

    private void on(Object context, String event) {
        AtomicInteger in = inside.computeIfAbsent(context, c -> new AtomicInteger());
        if (in.incrementAndGet() != 1) overlaps.incrementAndGet();
        try {
            hook.run(context, event);
            List<String> list = events.computeIfAbsent(context, c -> new ArrayList<>());
            synchronized (list) {
                list.add(event);
            }
        } finally {
            in.decrementAndGet();
        }
    }

    @Override public void onObject(Object context, Object object) { on(context, "object"); }

    @Override public void onProgress(Object context, int current, int upperBound, String message) { on(context, "progress"); }

    @Override public void onCompleted(Object context) { on(context, "completed"); }

    @Override public void onFailed(Object context, Throwable error) { on(context, "failed"); }

    @Override public void onCancelled(Object context) { on(context, "cancelled"); }
}
