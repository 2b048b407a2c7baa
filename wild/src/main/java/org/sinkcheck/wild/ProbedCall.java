package org.sinkcheck.wild;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.sinkcheck.kit.Events;

/**
 * The listener side of one call of a library's group: forwards each callback to the kit with the call's
 * context, and counts them, so that whether a provider signal was accepted is what the library actually
 * did (a callback ran) rather than what the adapter believes it should have done.
 */
public final class ProbedCall {
    private final Object context;
    private final Events events;
    private final AtomicInteger callbacks = new AtomicInteger();

    public ProbedCall(Object context, Events events) {
        this.context = context;
        this.events = events;
    }

    public void object(Object object) { heard(kit -> kit.object(context, object)); }

    public void completed() { heard(kit -> kit.completed(context)); }

    public void failed(Throwable error) { heard(kit -> kit.failed(context, error)); }

    public void cancelled() { heard(kit -> kit.cancelled(context)); }

    /** Counts a callback the library ran, then forwards it to the kit. */
    private void heard(Consumer<Events> callback) {
        callbacks.incrementAndGet();
        callback.accept(events);
    }

    /**
     * Runs a provider's signal and reports whether it reached the listener. The libraries here run
     * callbacks synchronously on the signalling thread, so the count after the signal is final; a
     * callback that throws still counts, because it ran.
     */
    public boolean accepted(Runnable signal) {
        int before = callbacks.get();
        signal.run();
        return callbacks.get() != before;
    }
}
