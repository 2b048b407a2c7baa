package org.sinkcheck.trace;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.sinkcheck.kit.Capability;
import org.sinkcheck.kit.Events;
import org.sinkcheck.kit.Settling;
import org.sinkcheck.kit.SinkAdapter;
import org.sinkcheck.kit.trace.TraceRecorder;

/**
 * A concurrent run made for trace validation: rounds of threads acting on shared sinks, each round
 * ending quiet (every sink cancelled, callbacks settled, {@link TraceRecorder#quiet()}), so that the
 * validator can cut the trace into independent segments there.
 *
 * <p>The shapes of real asynchronous code, in every round: request threads begin calls and hand a third
 * of their handles to an event-loop thread that signals and ends them; a third they signal and end
 * themselves; a third go to a few "hot" slots that every request thread signals, so two providers race
 * on one call; any thread cancels a random sink;
 * stale handles are signalled after their final. The threads come from a pool whose threads time out
 * and are replaced (1 ms keep-alive), so the trace's thread numbers come and go. Listeners (per the
 * adapter's capabilities) throw from an object callback now and then, or cancel their own sink from
 * inside one or from inside their final callback. Objects come one by one or in batches.
 *
 * @param threads     request threads per round (the event loop is one more)
 * @param sinks       sinks shared by all threads
 * @param opsPerRound operations per request thread per round
 * @param seed        every random choice (the interleaving itself is not reproducible)
 */
public record TraceWorkload(int threads, int sinks, int opsPerRound, long seed) {

    public TraceWorkload {
        if (threads < 1) throw new IllegalArgumentException("a trace workload needs at least one thread, not " + threads);
        if (sinks < 1) throw new IllegalArgumentException("a trace workload needs at least one sink, not " + sinks);
        if (opsPerRound < 1) throw new IllegalArgumentException("a trace workload needs at least one operation per round, not " + opsPerRound);
    }

    public static TraceWorkload defaults() { return new TraceWorkload(3, 2, 20, 1); }

    public TraceWorkload threads(int n) { return new TraceWorkload(n, sinks, opsPerRound, seed); }

    public TraceWorkload opsPerRound(int n) { return new TraceWorkload(threads, sinks, n, seed); }

    public TraceWorkload seed(long s) { return new TraceWorkload(threads, sinks, opsPerRound, s); }

    /** What the listener of a traced call does: throw from or cancel its sink in its first object callback, or cancel it from its final one. */
    private enum Listener { PLAIN, THROWS, CANCELS_ITS_SINK, CANCELS_FROM_ITS_FINAL }

    /** A call's context: told apart by identity, as a caller's contexts are. */
    private static final class Context {
        final Listener listener;

        Context(Listener listener) { this.listener = listener; }
    }

    /**
     * Runs rounds through {@code recorder.wrap(adapter)} until {@code events} events are recorded or
     * {@code limit} has passed, whichever comes first; returns the rounds run. A thread still inside the
     * sink 10 s after its round should have ended is left there and the run stops (the trace then ends
     * with its open operation: a hang the validator reports).
     */
    public <S, H> int run(SinkAdapter<S, H> adapter, TraceRecorder recorder, long events, Duration limit) {
        SinkAdapter<S, H> traced = recorder.wrap(adapter);
        Set<Capability> can = adapter.capabilities();
        List<S> all = new ArrayList<>();
        for (int i = 0; i < sinks; i++) all.add(traced.newSink(events(traced, all, can)));
        ThreadPoolExecutor pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 1, TimeUnit.MILLISECONDS, new SynchronousQueue<>());
        long deadline = System.nanoTime() + limit.toNanos();
        SplittableRandom seeds = new SplittableRandom(seed);
        int rounds = 0;
        try {
            while (recorder.size() < events && System.nanoTime() < deadline) {
                if (!round(traced, recorder, all, can, pool, seeds.split())) break;
                rounds++;
            }
        } finally {
            pool.shutdownNow();
            for (S sink : all) traced.dispose(sink);
        }
        return rounds;
    }

    /** One round; false if a thread did not come back (it is left inside the sink, unrecorded returns and all). */
    private <S, H> boolean round(SinkAdapter<S, H> traced, TraceRecorder recorder, List<S> all, Set<Capability> can, ExecutorService pool,
                                 SplittableRandom random) {
        ConcurrentLinkedQueue<Handle<S, H>> toLoop = new ConcurrentLinkedQueue<>();
        AtomicReferenceArray<Handle<S, H>> hot = new AtomicReferenceArray<>(HOT);
        CountDownLatch requestsDone = new CountDownLatch(threads);
        CountDownLatch start = new CountDownLatch(threads + 1); // all start together, or they would run one after another
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            SplittableRandom mine = random.split();
            running.add(pool.submit(() -> {
                try {
                    together(start);
                    requestThread(traced, all, can, mine, toLoop, hot);
                } finally {
                    requestsDone.countDown();
                }
            }));
        }
        SplittableRandom loopRandom = random.split();
        running.add(pool.submit(() -> {
            together(start);
            eventLoop(traced, can, loopRandom, toLoop, requestsDone);
        }));
        for (Future<?> f : running) {
            try {
                f.get(10, TimeUnit.SECONDS);
            } catch (TimeoutException hung) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("a workload thread failed: " + e.getCause(), e.getCause());
            }
        }
        for (S sink : all) traced.cancel(sink);
        Settling settling = Settling.after("the round's final cancel of every sink", Settling.DEFAULT_BUDGET);
        for (S sink : all) traced.settle(sink, settling);
        if (can.contains(Capability.RETENTION_VISIBLE)) for (S sink : all) traced.pendingCalls(sink);
        recorder.quiet();
        return true;
    }

    private static void together(CountDownLatch start) {
        start.countDown();
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Handle<S, H>(S sink, H handle) {}

    /** Calls any request thread may signal at any time: two providers racing on one call. */
    private static final int HOT = 4;

    private <S, H> void requestThread(SinkAdapter<S, H> traced, List<S> all, Set<Capability> can, SplittableRandom r,
                                      ConcurrentLinkedQueue<Handle<S, H>> toLoop, AtomicReferenceArray<Handle<S, H>> hot) {
        List<Handle<S, H>> mine = new ArrayList<>();
        List<Handle<S, H>> ended = new ArrayList<>();
        for (int i = 0; i < opsPerRound; i++) {
            int choice = r.nextInt(100);
            if (choice < 30 || mine.isEmpty() && choice < 70) {
                S sink = all.get(r.nextInt(all.size()));
                Listener l = pick(can, r);
                Handle<S, H> h = new Handle<>(sink, traced.begin(sink, new Context(l)));
                int where = r.nextInt(3);
                if (where == 0) toLoop.add(h);
                else if (where == 1) hot.set(r.nextInt(HOT), h);
                else mine.add(h);
            } else if (choice < 40) {
                traced.cancel(all.get(r.nextInt(all.size())));
            } else if (choice < 45 && !ended.isEmpty()) {
                Handle<S, H> stale = ended.get(r.nextInt(ended.size()));
                traced.deliver(stale.sink(), stale.handle(), "stale");
            } else {
                boolean fromHot = mine.isEmpty() || r.nextBoolean();
                Handle<S, H> h = fromHot ? hot.get(r.nextInt(HOT)) : mine.get(r.nextInt(mine.size()));
                if (h == null) continue;
                if (fromHot && r.nextInt(5) != 0) {
                    traced.deliver(h.sink(), h.handle(), "hot"); // mostly objects: the hot calls stay pending, raced by every thread
                } else if (provide(traced, can, r, h)) {
                    mine.remove(h);
                    ended.add(h);
                }
            }
        }
    }

    /** One provider signal of {@code h}; true if it was a final (complete or fail). */
    private static <S, H> boolean provide(SinkAdapter<S, H> traced, Set<Capability> can, SplittableRandom r, Handle<S, H> h) {
        int what = r.nextInt(10);
        if (what < 3) {
            traced.deliver(h.sink(), h.handle(), "object");
        } else if (what < 4) {
            traced.deliverAll(h.sink(), h.handle(), List.of("a", "b"));
        } else if (what < 5 && can.contains(Capability.PROGRESS)) {
            traced.progress(h.sink(), h.handle());
        } else if (what < 6 && can.contains(Capability.PROVIDER_TOLD)) {
            traced.providerSeesCancelled(h.sink(), h.handle());
        } else if (what < 8 || !can.contains(Capability.FAIL)) {
            traced.complete(h.sink(), h.handle());
            return true;
        } else {
            traced.fail(h.sink(), h.handle(), new IllegalStateException("provider failed"));
            return true;
        }
        return false;
    }

    /** The event loop: signals and ends the calls request threads hand it, on its own thread. */
    private static <S, H> void eventLoop(SinkAdapter<S, H> traced, Set<Capability> can, SplittableRandom r,
                                         ConcurrentLinkedQueue<Handle<S, H>> inbox, CountDownLatch requestsDone) {
        while (true) {
            Handle<S, H> h = inbox.poll();
            if (h == null) {
                if (requestsDone.getCount() == 0 && inbox.isEmpty()) return;
                Thread.onSpinWait();
                continue;
            }
            if (r.nextInt(3) == 0) traced.deliver(h.sink(), h.handle(), "loop");
            if (r.nextInt(4) == 0) inbox.add(h); // come back to it later: its call stays pending a while
            else if (!provide(traced, can, r, h)) traced.complete(h.sink(), h.handle());
        }
    }

    private static final java.util.concurrent.atomic.AtomicInteger CALLBACKS = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * A listener that takes a moment: every fourth callback sleeps 1 ms, so that on a busy machine (where
     * threads rarely run at the same instant) other threads run while it is inside, racing its call.
     */
    private static void takeAMoment() {
        if (CALLBACKS.incrementAndGet() % 4 != 0) return;
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Listener pick(Set<Capability> can, SplittableRandom r) {
        int x = r.nextInt(20);
        if (x == 0 && can.contains(Capability.LISTENER_ERRORS)) return Listener.THROWS;
        if (x == 1 && can.contains(Capability.CANCEL_IN_CALLBACK)) return Listener.CANCELS_ITS_SINK;
        if (x == 2 && can.contains(Capability.CANCEL_IN_CALLBACK)) return Listener.CANCELS_FROM_ITS_FINAL;
        return Listener.PLAIN;
    }

    /** The listener of sink {@code all.get(i)} for the i-th sink made: what {@link Listener} says, on the first object. */
    private static <S, H> Events events(SinkAdapter<S, H> traced, List<S> all, Set<Capability> can) {
        int index = all.size();
        return new Events() {
            private final java.util.Set<Object> acted = java.util.concurrent.ConcurrentHashMap.newKeySet();

            @Override
            public void object(Object context, Object object) {
                takeAMoment(); // the window in which another signal of the call may race this callback
                if (!(context instanceof Context c) || !actsNow(c, Listener.THROWS, Listener.CANCELS_ITS_SINK)) return;
                if (c.listener == Listener.THROWS) throw new IllegalStateException("listener throws (the workload's)");
                traced.cancel(all.get(index));
            }

            @Override public void progress(Object context) { takeAMoment(); }

            @Override public void completed(Object context) { cancelFromTheFinal(context); }

            @Override public void failed(Object context, Throwable error) { cancelFromTheFinal(context); }

            @Override public void cancelled(Object context) { cancelFromTheFinal(context); }

            /** Whether the listener of {@code c} is one of {@code kinds} and has not acted yet (it acts once). */
            private boolean actsNow(Context c, Listener... kinds) {
                return java.util.Arrays.asList(kinds).contains(c.listener) && acted.add(c);
            }

            private void cancelFromTheFinal(Object context) {
                if (context instanceof Context c && actsNow(c, Listener.CANCELS_FROM_ITS_FINAL)) traced.cancel(all.get(index));
            }

            @Override public void listenerError(Object context, Throwable error) {}
        };
    }
}
