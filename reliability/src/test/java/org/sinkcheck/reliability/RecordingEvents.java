package org.sinkcheck.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.sinkcheck.kit.Events;
import org.sinkcheck.model.EventKind;

/**
 * One sink's listener in the reliability tests: records, per context, the events it heard in order, and
 * every listener error the sink reported; then runs the test's {@link Hook}, which may throw, block or
 * cancel (the event is recorded first, so a throwing hook still leaves its trace). Contexts are compared
 * by identity, as a sink must hand them back; {@code null} is a context like any other.
 */
final class RecordingEvents implements Events {
    /** What the listener does after recording an event. */
    interface Hook {
        void on(Object context, EventKind event);
    }

    /** A listener error the sink reported. */
    record ReportedError(Object context, Throwable error) {}

    private static final Object NULL_CONTEXT = new Object();

    private final Map<Object, List<EventKind>> heard = new ConcurrentHashMap<>();
    private final List<ReportedError> errors = new CopyOnWriteArrayList<>();
    private volatile Hook hook = (context, event) -> {};

    void hook(Hook h) { this.hook = h; }

    /** A fresh context object that prints as {@code name}: identity tells calls apart, the name tells people. */
    static Object context(String name) {
        return new Object() {
            @Override public String toString() { return name; }
        };
    }

    /** What this listener heard of {@code context}'s calls, in order. */
    List<EventKind> heard(Object context) {
        List<EventKind> events = heard.get(key(context));
        if (events == null) return List.of();
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /** Every event this listener heard, of any context. */
    int total() {
        int n = 0;
        for (List<EventKind> events : heard.values()) {
            synchronized (events) {
                n += events.size();
            }
        }
        return n;
    }

    List<ReportedError> errors() { return new ArrayList<>(errors); }

    @Override public void object(Object context, Object object) { on(context, EventKind.OBJECT); }

    @Override public void progress(Object context) { on(context, EventKind.PROGRESS); }

    @Override public void completed(Object context) { on(context, EventKind.COMPLETED); }

    @Override public void failed(Object context, Throwable error) { on(context, EventKind.FAILED); }

    @Override public void cancelled(Object context) { on(context, EventKind.CANCELLED); }

    @Override public void listenerError(Object context, Throwable error) { errors.add(new ReportedError(context, error)); }

    private void on(Object context, EventKind event) {
        List<EventKind> events = heard.computeIfAbsent(key(context), k -> new ArrayList<>());
        synchronized (events) {
            events.add(event);
        }
        hook.on(context, event);
    }

    private static Object key(Object context) {
        return context == null ? NULL_CONTEXT : new IdentityKey(context);
    }

    /** Identity, not equality: two equal contexts are still two calls' contexts. */
    private record IdentityKey(Object context) {
        @Override public boolean equals(Object o) { return o instanceof IdentityKey && ((IdentityKey) o).context == context; }

        @Override public int hashCode() { return System.identityHashCode(context); }
    }
}
