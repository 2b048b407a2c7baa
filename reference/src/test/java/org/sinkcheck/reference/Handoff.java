package org.sinkcheck.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.sinkcheck.sink.Acceptance;
import org.sinkcheck.sink.CallHandle;

/**
 * The shape of real asynchronous code: calls begun on some threads and completed on others, handed
 * over through a queue, with at most {@code maxPending} calls begun and not yet completed (a permit is
 * taken before the begin and given back after the complete). Threads are made by the caller's factory,
 * so a shape can use pool threads, an event loop, short-lived threads or a {@code Thread} subclass.
 * After the run the sink must hold nothing, every call must have had exactly one final, and every
 * registry stripe's capacity must be within the allocator's bound for that many pending calls.
 */
final class Handoff {
    private final ReferenceSink<Integer> sink;
    private final Finals finals;
    private final int calls;
    private final Semaphore permits;
    private final int maxPending;
    private final BlockingQueue<CallHandle> handedOver;
    private final AtomicInteger nextCall = new AtomicInteger();
    private final AtomicInteger completed = new AtomicInteger();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();

    Handoff(int calls, int maxPending) {
        this.finals = new Finals(calls);
        this.sink = finals.newSink();
        this.calls = calls;
        this.maxPending = maxPending;
        this.permits = new Semaphore(maxPending);
        this.handedOver = new ArrayBlockingQueue<>(maxPending);
    }

    private boolean stopped() {
        return !failures.isEmpty();
    }

    /** Begins calls until {@code quota} were begun by this thread or all calls are; hands each over. */
    Runnable beginner(int quota) {
        return beginner(quota, false);
    }

    /**
     * As {@link #beginner(int)}; if {@code yieldWhenFull}, the task ends early once {@code maxPending}
     * calls wait for completion (a pool task gives its thread back instead of blocking it).
     */
    Runnable beginner(int quota, boolean yieldWhenFull) {
        return () -> {
            for (int mine = 0; mine < quota && !stopped(); ) {
                try {
                    if (!permits.tryAcquire(10, TimeUnit.MILLISECONDS)) {
                        if (yieldWhenFull || nextCall.get() >= calls) return;
                        continue;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                int n = nextCall.getAndIncrement();
                if (n >= calls) {
                    permits.release();
                    return;
                }
                handedOver.add(sink.begin(n));
                mine++;
            }
        };
    }

    /** Completes handed-over calls until {@code quota} were completed by this thread or all calls are. */
    Runnable completer(int quota) {
        return completer(quota, false);
    }

    /**
     * As {@link #completer(int)}; if {@code yieldWhenIdle}, the task ends early once no call waited for
     * it for a poll (a pool task gives its thread back to the tasks that begin calls).
     */
    Runnable completer(int quota, boolean yieldWhenIdle) {
        return () -> {
            for (int mine = 0; mine < quota && completed.get() < calls && !stopped(); ) {
                CallHandle call;
                try {
                    call = handedOver.poll(10, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (call == null) {
                    if (yieldWhenIdle) return;
                    continue;
                }
                Acceptance answer = sink.complete(call);
                if (answer != Acceptance.ACCEPTED) throw new AssertionError("a live call's complete was refused: " + answer);
                completed.incrementAndGet();
                permits.release();
                mine++;
            }
        };
    }

    /** Runs {@code roles} on threads made by {@code threads}, all at once, and waits for them. */
    Handoff run(Function<Runnable, Thread> threads, Runnable... roles) throws InterruptedException {
        Together.run(threads, failures, roles);
        return this;
    }

    int completed() {
        return completed.get();
    }

    /**
     * SC-13: nothing pending; SC-03: every call exactly one final; and every stripe's capacity at most
     * {@code max(256, 2 * maxPending)} (the allocator's bound, docs/allocator.md), measured by the
     * registry's own high-water marks, not inferred from {@code pendingCalls()}.
     */
    void assertCleanAndBounded(String shape) {
        assertEquals(calls, completed.get(), shape + ": calls completed");
        int[] capacities = sink.slotCapacityByStripe();
        int bound = Math.max(256, 2 * maxPending);
        System.out.printf("%s: %,d calls, at most %d pending; stripe capacities %s (bound %d each)%n",
                shape, calls, maxPending, Arrays.toString(capacities), bound);
        for (int s = 0; s < capacities.length; s++) {
            int stripe = s;
            assertTrue(capacities[s] <= bound, () -> "SC-13: " + shape + ": stripe " + stripe + " grew to " + capacities[stripe]
                    + " slots with at most " + maxPending + " calls pending (bound " + bound + "): " + Arrays.toString(capacities));
        }
        assertEquals(0, sink.pendingCalls(), "SC-13: " + shape + ": calls still registered after every call completed");
        assertEquals("", finals.wrongFinals(calls), shape);
        assertTrue(finals.errors.isEmpty(), () -> shape + ": listener errors " + finals.errors);
    }
}
