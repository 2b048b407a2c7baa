package org.sinkcheck.wild;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.Done;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.QueueOfferResult;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

/**
 * One call of a kill-switch sink: a stream {@code Source.queue(n)}, watched by its provider
 * ({@code watchTermination}), {@code .via(killSwitch.flow())}, to a {@code Sink.foreach} that forwards
 * each element to the listener; the stream's end reaches the listener through the sink's completion
 * stage: no error, completed; the kill switch's {@link CancellationException}, cancelled; any other,
 * failed. The provider offers to the queue, completes or fails it, and learns how its stream ended from
 * the watch: a failure with the switch's {@code CancellationException} is its cancellation.
 *
 * <p>Elements and the end arrive on the actor system's threads; whether the stream has gone quiet
 * ({@link #quiet}) is what the adapter observes to settle.
 */
public final class SwitchedStream {

    /*
     * Implementation notes.
     *
     * Quiet. An enqueued element may reach the listener or be lost to the switch, and Pekko says nothing
     * of which, or when. So the callbacks record what the actor threads did: enqueued (offers the queue
     * took), objectsHeard (elements whose callback returned, or threw), finished (the sink's completion
     * stage ran the listener's end), watched (the provider's watchTermination fired, providerEnd its
     * cause). The stream is quiet when it is finished and watched, or when the switch was not fired, the
     * provider did not end it, and objectsHeard == enqueued. Once the switch fired, every stream through
     * it ends (Pekko's documented behaviour): quiet then waits for each to finish.
     *
     * Invariant Q: a stream quiet by the second clause stays quiet until something acts on it: the
     * provider (the kit's next action) or the switch (the kit's cancel, or one made inside a callback).
     *
     * A cancel made inside a callback fires the switch and ends the sink's other streams, which a settle
     * that had already looked at them would miss. So every callback, before the write that can make its
     * stream quiet (objectsHeard, finished, watched), advances the sink's callbacksReturned; a settle
     * reads it before and after looking at every stream, and the look counts only if it did not move
     * (see StreamedCall's notes for why that suffices).
     *
     * Memory ordering: the fields are written on actor threads and read on the kit's thread without a
     * lock: each is volatile or atomic, so a read that sees one written also sees the callback's events
     * and the increment before it. The queue itself is Pekko's and safe for any thread.
     */
    /** Elements the queue holds before it drops offers: the kit sends a call at most a few. */
    private static final int BUFFER = 16;

    private final ProbedCall listener;
    /** The sink's count of callbacks returned, advanced before each write below that can make the stream quiet. */
    private final AtomicLong callbacksReturned;
    private final BoundedSourceQueue<Object> queue;
    private final AtomicInteger enqueued = new AtomicInteger();
    private final AtomicInteger objectsHeard = new AtomicInteger();
    /** The provider completed or failed the queue. */
    private volatile boolean endRequested;
    /** The stream's end reached the listener. */
    private volatile boolean finished;
    /** The provider's watch fired; {@link #providerEnd} is then how its stream ended (null: normally). */
    private volatile boolean watched;
    private volatile Throwable providerEnd;
    private volatile boolean muted;

    private SwitchedStream(ProbedCall listener, KillSwitchSink sink) {
        this.listener = listener;
        this.callbacksReturned = sink.callbacksReturned();
        Pair<Pair<BoundedSourceQueue<Object>, CompletionStage<Done>>, CompletionStage<Done>> running = Source.queue(BUFFER)
                .watchTermination(Keep.both())
                .via(sink.killSwitch().flow())
                .toMat(Sink.foreach(this::heardObject), Keep.both())
                .run(PekkoSystem.get());
        this.queue = running.first().first();
        running.first().second().whenComplete((done, error) -> {
            providerEnd = unwrap(error);
            callbacksReturned.incrementAndGet();
            watched = true;
        });
        running.second().whenComplete((done, error) -> heardEnd(unwrap(error)));
    }

    /** A new stream through {@code sink}'s switch whose callbacks reach {@code listener}. */
    static SwitchedStream materialize(KillSwitchSink sink, ProbedCall listener) { return new SwitchedStream(listener, sink); }

    /** The provider's offer; false if the queue refused it at once (dropped, closed). */
    boolean offer(Object object) {
        if (queue.offer(object) != QueueOfferResult.enqueued()) return false;
        enqueued.incrementAndGet();
        return true;
    }

    /** The provider's normal end; false if the queue refused it (Pekko throws: the queue was already completed). */
    boolean complete() { return end(queue::complete); }

    /** The provider's failure; false if the queue refused it, as {@link #complete}. */
    boolean fail(Throwable error) { return end(() -> queue.fail(error)); }

    private boolean end(Runnable ending) {
        try {
            ending.run();
        } catch (IllegalStateException alreadyCompleted) {
            return false;
        }
        endRequested = true;
        return true;
    }

    /** What the provider's watch says: its stream was cancelled (failed with the switch's cancellation). */
    boolean providerSeesCancelled() { return watched && providerEnd instanceof CancellationException; }

    /**
     * Whether nothing more is due from this stream: its end reached the listener and the provider's watch
     * fired; or the switch was not fired ({@code switchFired}), the provider did not end it, and every
     * element enqueued has been heard.
     */
    boolean quiet(boolean switchFired) {
        if (finished) return watched;
        return !switchFired && !endRequested && objectsHeard.get() == enqueued.get();
    }

    /** Whether the stream is over for good: its end reached the listener and the provider's watch fired (then quiet for ever). */
    boolean ended() { return finished && watched; }

    /** The kit is done with the stream: its listener hears nothing more (the sink's switch ends it). */
    void mute() { muted = true; }

    private void heardObject(Object object) {
        try {
            if (!muted) listener.object(object);
        } finally {
            callbacksReturned.incrementAndGet();
            objectsHeard.incrementAndGet();
        }
    }

    private void heardEnd(Throwable error) {
        try {
            if (muted) return;
            if (error == null) listener.completed();
            else if (error instanceof CancellationException) listener.cancelled();
            else listener.failed(error);
        } finally {
            callbacksReturned.incrementAndGet();
            finished = true;
        }
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
