package org.sinkcheck.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sinkcheck.sink.CallHandle;

/**
 * The slot allocator in the thread shapes real asynchronous code has: calls begun on some
 * threads and completed on others, pools whose threads come and go, many more threads than stripes,
 * threads that report one id. Each shape checks the rules on every call (SC-03: exactly one final;
 * SC-13: nothing registered afterwards) and that every stripe's capacity — the registry's own
 * high-water mark — stays within {@code max(256, 2 * maxPending)}.
 *
 * <p>The event-loop shape runs {@value #CALLS} calls here; {@code -Dsinkcheck.alloc.calls=10000000}
 * runs the long version by command (docs/allocator.md). Each of these failed on the earlier allocator
 * (owner free lists, identity by {@code Thread.getId()}): docs/allocator.md says how.
 */
@Timeout(120)
class AllocatorShapesTest {
    private static final int CALLS = 300_000;
    private static final int EVENT_LOOP_CALLS = 1_000_000;
    private static final int MAX_PENDING = 256;
    private static final int POOL = 8;

    private static int calls() {
        return Integer.getInteger("sinkcheck.alloc.calls", EVENT_LOOP_CALLS);
    }

    private static Runnable[] roles(Runnable first, int copies, Runnable each) {
        Runnable[] out = new Runnable[copies + 1];
        out[0] = first;
        for (int i = 1; i <= copies; i++) out[i] = each;
        return out;
    }

    private static final Function<Runnable, Thread> PLAIN = Thread::new;

    /**
     * A thread that first begins a call of its own (and hands it over), as any thread of a pool may now
     * and then, unless the calls waiting for completion are already at their limit, then completes.
     */
    private static Runnable beginsOnceThenCompletes(Handoff run) {
        Runnable once = run.beginner(1, true);
        Runnable complete = run.completer(Integer.MAX_VALUE);
        return () -> {
            once.run();
            complete.run();
        };
    }

    @Test
    void SC03_SC13_eventLoopShape_poolThreadsBeginAndOneThreadCompletes_staysBounded() throws InterruptedException {
        int calls = calls();
        Handoff run = new Handoff(calls, MAX_PENDING);
        run.run(PLAIN, roles(beginsOnceThenCompletes(run), POOL, run.beginner(Integer.MAX_VALUE)));
        run.assertCleanAndBounded("event loop: " + POOL + " pool threads begin, one thread completes");
    }

    @Test
    void SC03_SC13_reverseShape_oneThreadBeginsAndPoolThreadsComplete_staysBounded() throws InterruptedException {
        Handoff run = new Handoff(CALLS, MAX_PENDING);
        Runnable[] roles = roles(run.beginner(Integer.MAX_VALUE), POOL, null);
        for (int i = 1; i <= POOL; i++) roles[i] = beginsOnceThenCompletes(run);
        run.run(PLAIN, roles);
        run.assertCleanAndBounded("reverse: one thread begins, " + POOL + " pool threads complete");
    }

    /**
     * A pool with one core thread and up to eight more that live a millisecond once idle: bursts of
     * begin tasks and complete tasks run on whichever thread the pool has, so threads begin and end,
     * and a call is often begun and completed on different, short-lived threads.
     */
    @Test
    void SC03_SC13_poolWhoseThreadsComeAndGo_staysBounded() throws InterruptedException {
        int calls = CALLS;
        Handoff run = new Handoff(calls, MAX_PENDING);
        AtomicInteger threadsMade = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, POOL, 1, TimeUnit.MILLISECONDS, new SynchronousQueue<>(),
                task -> {
                    threadsMade.incrementAndGet();
                    return new Thread(task);
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        int burst = 64;
        try {
            run.run(PLAIN, () -> {
                while (run.completed() < calls) {
                    for (int i = 0; i < 4; i++) pool.execute(run.beginner(burst, true));
                    for (int i = 0; i < 4; i++) pool.execute(run.completer(burst, true));
                    if (pool.getActiveCount() > 2) Thread.yield();
                }
            });
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
        run.assertCleanAndBounded("pool of 1..8 threads that come and go (" + threadsMade.get() + " threads made)");
        assertTrue(threadsMade.get() > POOL, "the pool's threads did not come and go: " + threadsMade.get() + " made");
    }

    /**
     * Four threads per stripe: one per stripe begins a call of its own, then completes; all the others
     * begin. Which threads share a stripe, and which thread of a stripe came first, is up to their ids.
     */
    @Test
    void SC03_SC13_manyMoreThreadsThanStripes_aFewCompleting_staysBounded() throws InterruptedException {
        int threads = 4 * Registry.STRIPES;
        Handoff run = new Handoff(CALLS, MAX_PENDING);
        Runnable[] roles = new Runnable[threads];
        for (int t = 0; t < threads; t++) roles[t] = t < Registry.STRIPES ? beginsOnceThenCompletes(run) : run.beginner(Integer.MAX_VALUE);
        run.run(PLAIN, roles);
        run.assertCleanAndBounded(threads + " threads over " + Registry.STRIPES + " stripes, " + Registry.STRIPES + " of them completing");
    }

    /**
     * JDK 17 lets a subclass override {@code getId()}, and its javadoc allows an id to be reused after
     * its thread ended: threads that report one id must still each get their own slot (SC-01, SC-03,
     * SC-10: every call reached by cancel or complete; SC-13: the count right).
     */
    @Test
    void SC01_SC03_SC10_SC13_threadsThatReportOneId_neverShareASlot() throws InterruptedException {
        int threads = 4;
        int rounds = 50_000;
        Finals finals = new Finals(2 * threads * rounds);
        ReferenceSink<Integer> sink = finals.newSink();
        AtomicInteger next = new AtomicInteger();
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                for (int r = 0; r < rounds; r++) {
                    CallHandle done = sink.begin(next.getAndIncrement());
                    sink.begin(next.getAndIncrement());          // stays pending until the cancel below
                    sink.complete(done);
                }
            }) {
                @SuppressWarnings("deprecation")
                @Override
                public long getId() {
                    return 42;
                }
            };
            started.add(thread);
            thread.start();
        }
        for (Thread thread : started) thread.join();
        int pending = threads * rounds;
        assertEquals(pending, sink.pendingCalls(), "SC-13: " + threads + " threads whose getId() all return 42 left "
                + pending + " calls pending, the sink counts otherwise");
        int[] capacities = sink.slotCapacityByStripe();
        sink.cancel();
        assertEquals("", finals.wrongFinals(next.get()), "SC-01/SC-10: a call the cancel did not reach");
        assertEquals(0, sink.pendingCalls());
        int bound = 2 * pending;
        for (int c : capacities) assertTrue(c <= bound, "SC-13: stripe capacities " + java.util.Arrays.toString(capacities)
                + " for " + pending + " calls pending (bound " + bound + ")");
        System.out.printf("%d threads whose getId() all return 42: %,d calls, %,d pending at the cancel; stripe capacities %s%n",
                threads, next.get(), pending, java.util.Arrays.toString(capacities));
    }
}
