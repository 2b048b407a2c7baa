package org.example.async;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * An author's asynchronous sink: requests are opened with a tag, a producer {@link #push}es items and
 * {@link #finish}es or {@link #fail}s them, {@link #cancelAll()} cancels every open request of this sink.
 * Every listener callback runs on the executor the user hands it, never on the caller's thread, one at a
 * time and in order (a serial loop over that executor, as gRPC's {@code SerializingExecutor}).
 *
 * <p>{@code push} and {@code progress} are fire-and-forget: they return nothing, as a stream's emit does;
 * whether an item is taken is decided when it is pushed, and shows only in whether its callback runs.
 * {@code finish} and {@code fail} say whether they won against a cancel.
 *
 * <p>Invariants, all under the sink's monitor: {@code open} holds exactly the requests without an outcome;
 * a request has at most one item or progress callback queued or running ({@code inFlight}): a producer
 * pushing while one is in flight waits for it, so a cancel finds at most that one before its
 * {@code onCancelled}, which the loop runs after it. The monitor is never held while a callback runs.
 */
public class AsyncSink {

    /** What the client hears, on the sink's executor. */
    public interface Listener {
        void onItem(Object tag, Object item);

        void onProgress(Object tag);

        void onDone(Object tag);

        void onError(Object tag, Exception error);

        void onCancelled(Object tag);
    }

    private enum Outcome { DONE, ERROR, CANCELLED }

    /** An open request: the producer's handle. Only the sink that opened it takes it. */
    public final class Request {
        private final Object tag;
        private Outcome outcome;
        private boolean inFlight;

        private Request(Object tag) { this.tag = tag; }

        /** The producer polls this to stop early. */
        public boolean isCancelled() {
            synchronized (AsyncSink.this) {
                return outcome == Outcome.CANCELLED;
            }
        }

        private AsyncSink sink() { return AsyncSink.this; }
    }

    private final Listener listener;
    private final BiConsumer<Object, RuntimeException> listenerFailures;
    private final Executor executor;
    private final Set<Request> open = new LinkedHashSet<>();
    private final Queue<Runnable> loop = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    /** The thread running this sink's callbacks, while it runs them. */
    private volatile Thread loopThread;

    /**
     * @param executor         runs this sink's callbacks; the sink never blocks it
     * @param listenerFailures told of every exception the listener throws, with the request's tag
     */
    public AsyncSink(Listener listener, BiConsumer<Object, RuntimeException> listenerFailures, Executor executor) {
        this.listener = listener;
        this.listenerFailures = listenerFailures;
        this.executor = executor;
    }

    public synchronized Request open(Object tag) {
        Request request = new Request(tag);
        open.add(request);
        return request;
    }

    /** Queues {@code item}'s callback if {@code request} is this sink's and open; else drops it. */
    public void push(Request request, Object item) {
        if (claim(request)) run(() -> item(request, () -> listener.onItem(request.tag, item)));
    }

    /** As {@link #push}, for a progress note. */
    public void progress(Request request) {
        if (claim(request)) run(() -> item(request, () -> listener.onProgress(request.tag)));
    }

    /** Ends {@code request} as done; false if it is not this sink's or already has an outcome. */
    public boolean finish(Request request) { return end(request, Outcome.DONE, null); }

    public boolean fail(Request request, Exception error) { return end(request, Outcome.ERROR, error); }

    /** Cancels every open request of this sink; their {@code onCancelled}s follow on the executor. */
    public void cancelAll() {
        List<Request> cancelled;
        synchronized (this) {
            cancelled = new ArrayList<>(cancellable());
            for (Request request : cancelled) request.outcome = Outcome.CANCELLED;
            open.removeAll(cancelled);
        }
        for (Request request : cancelled) tell(request, Outcome.CANCELLED, null);
    }

    /** How many requests this sink still holds. */
    public synchronized int openRequests() { return open.size(); }

    /** The requests {@link #cancelAll()} ends: all open ones. Called under the monitor. */
    protected List<Request> cancellable() { return new ArrayList<>(open); }

    /** Whether {@code request} has an item or progress callback queued or running. Called under the monitor. */
    protected static boolean hasCallbackInFlight(Request request) { return request.inFlight; }

    /** Queues {@code callback} on this sink's loop. */
    protected final void run(Runnable callback) {
        loop.add(callback);
        if (draining.compareAndSet(false, true)) executor.execute(this::drain);
    }

    /** Takes the request's one in-flight slot, waiting for the previous item's callback; false to drop the item. */
    private synchronized boolean claim(Request request) {
        if (request == null || request.sink() != this) return false;
        if (Thread.currentThread() == loopThread && request.inFlight) return false;   // from its own callback: it would wait for itself
        while (request.inFlight && request.outcome == null) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        if (request.outcome != null) return false;
        request.inFlight = true;
        return true;
    }

    /** An item's callback, on the loop: a listener that throws cancels its own request, and is reported. */
    private void item(Request request, Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            listenerFailures.accept(request.tag, e);
            boolean cancelled;
            synchronized (this) {
                cancelled = request.outcome == null;
                if (cancelled) {
                    request.outcome = Outcome.CANCELLED;
                    open.remove(request);
                }
            }
            if (cancelled) tell(request, Outcome.CANCELLED, null);
        } finally {
            synchronized (this) {
                request.inFlight = false;
                notifyAll();
            }
        }
    }

    private boolean end(Request request, Outcome outcome, Exception error) {
        synchronized (this) {
            if (request == null || request.sink() != this || request.outcome != null) return false;
            request.outcome = outcome;
            open.remove(request);
        }
        tell(request, outcome, error);
        return true;
    }

    /** Queues the final callback; the loop runs it after the request's in-flight item, if any. */
    private void tell(Request request, Outcome outcome, Exception error) {
        run(() -> {
            try {
                switch (outcome) {
                    case DONE: listener.onDone(request.tag); break;
                    case ERROR: listener.onError(request.tag, error); break;
                    default: listener.onCancelled(request.tag); break;
                }
            } catch (RuntimeException e) {
                listenerFailures.accept(request.tag, e);
            }
        });
    }

    private void drain() {
        do {
            loopThread = Thread.currentThread();
            for (Runnable callback; (callback = loop.poll()) != null; ) callback.run();
            loopThread = null;
            draining.set(false);
        } while (!loop.isEmpty() && draining.compareAndSet(false, true));
    }
}
