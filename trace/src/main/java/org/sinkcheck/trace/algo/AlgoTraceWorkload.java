package org.sinkcheck.trace.algo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.sinkcheck.reference.ReferenceSink;
import org.sinkcheck.reference.StepLog;
import org.sinkcheck.reference.StepLog.Step;
import org.sinkcheck.sink.CallHandle;
import org.sinkcheck.sink.SinkListener;

/**
 * A small concurrent run of the reference sink, recorded step by step ({@link StepLog}): a few threads,
 * released together, each running random operations on two shared sinks (begin, deliver, a batch of
 * two, progress, complete, fail, cancel) on handles any thread begun; every fifth call's listener throws
 * from an object callback, every seventh cancels its own sink from inside one (SC-16), and every third
 * other one sleeps 1 ms in it (on a busy machine threads rarely run at the same instant otherwise). Each operation is
 * bracketed with {@link StepLog#enter()} / {@link StepLog#exit()}. Listeners call nothing but
 * {@code cancel()}, and only from object callbacks: the only nested operation CancelAllAlgo models.
 * The threads all report one {@code getId()}, so their begins claim slots of one registry stripe: the
 * shape in which the earlier allocator let two threads share a slot (its owner's plain path), where the
 * correct one only contends. In rounds ({@link #record}), each round starts with a burst of begins
 * from every thread at once (claims racing for the same slots), and ends with the threads joined at a
 * barrier whose action cancels both sinks and marks the quiet point ({@link StepLog#quiet()}): a long log
 * is cut there into independent segments; handles are kept across rounds, so later rounds signal stale ones.
 */
public final class AlgoTraceWorkload {
    private static final int SLOTS = 6;
    private static final int BURST = 16;
    /** Every workload thread reports this id, so all their claims go to one registry stripe and contend for its slots. */
    private static final long ONE_ID = 42;

    private AlgoTraceWorkload() {}

    /** Runs {@code threads} threads of {@code ops} operations each from {@code seed}; returns the recorded steps (one round, no quiet point). */
    public static List<List<Step>> run(int threads, int ops, long seed) {
        return run(threads, ops, 1, false, seed).threads();
    }

    /** {@code rounds} rounds of {@code ops} operations per thread, each ending quiet; returns the steps and quiet points. */
    public static StepTrace record(int threads, int ops, int rounds, long seed) {
        if (rounds < 1) throw new IllegalArgumentException("rounds must be positive, not " + rounds);
        return run(threads, ops, rounds, true, seed);
    }

    private static StepTrace run(int threads, int ops, int rounds, boolean quiet, long seed) {
        if (threads < 1 || ops < 1) throw new IllegalArgumentException("threads and ops must be positive, not " + threads + " and " + ops);
        List<ReferenceSink<Integer>> sinks = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ReferenceSink<?>[] self = new ReferenceSink<?>[1];
            ReferenceSink<Integer> sink = new ReferenceSink<>(listener(self), (context, error) -> { });
            self[0] = sink;
            sinks.add(sink);
        }
        AtomicReferenceArray<Begun> handles = new AtomicReferenceArray<>(SLOTS);
        AtomicInteger contexts = new AtomicInteger();
        CyclicBarrier start = new CyclicBarrier(threads);
        CyclicBarrier roundStart = new CyclicBarrier(threads);
        CyclicBarrier roundEnd = new CyclicBarrier(threads, () -> { // every thread is between operations
            for (ReferenceSink<Integer> sink : sinks) {
                StepLog.enter();
                sink.cancel(); // no other thread runs: every call of the sink has its final when it returns
                StepLog.exit();
            }
            StepLog.quiet();
        });
        StepLog.Recording recording = StepLog.start();
        List<Thread> running = new ArrayList<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int t = 0; t < threads; t++) {
            Random random = new Random(seed * 31 + t);
            Runnable body = () -> {
                try {
                    start.await();
                    for (int r = 0; r < rounds; r++) {
                        if (quiet) burst(sinks.get(r % sinks.size()), contexts, roundStart);
                        for (int i = 0; i < ops; i++) step(random, sinks, handles, contexts);
                        if (quiet) roundEnd.await();
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            };
            Thread thread = new Thread(body, "algo-trace-" + t) {
                @SuppressWarnings("deprecation") // JDK 17 lets a subclass override it, and the registry picks its stripe by it
                @Override public long getId() { return ONE_ID; }
            };
            running.add(thread);
            thread.start();
        }
        for (Thread thread : running) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the workload ran", e);
            }
        }
        List<List<Step>> steps = recording.stop();
        if (!failures.isEmpty()) throw new IllegalStateException("a workload thread failed: " + failures.get(0), failures.get(0));
        return new StepTrace(steps, recording.quietPoints());
    }

    /**
     * The threads, released together, each begin {@value #BURST} calls on one sink back to back: claims
     * racing for the same slots of one stripe (the round's closing cancel ends them).
     */
    private static void burst(ReferenceSink<Integer> sink, AtomicInteger contexts, CyclicBarrier together) throws Exception {
        together.await();
        for (int i = 0; i < BURST; i++) {
            StepLog.enter();
            sink.begin(contexts.incrementAndGet());
            StepLog.exit();
        }
    }

    /** A handle shared between the threads, with the sink that issued it. */
    private record Begun(CallHandle handle, ReferenceSink<Integer> sink) {}

    private static void step(Random random, List<ReferenceSink<Integer>> sinks, AtomicReferenceArray<Begun> handles,
                             AtomicInteger contexts) {
        int slot = random.nextInt(SLOTS);
        Begun begun = handles.get(slot);
        int choice = random.nextInt(10);
        if (begun == null || choice < 3) {
            ReferenceSink<Integer> sink = sinks.get(random.nextInt(sinks.size()));
            StepLog.enter();
            CallHandle handle = sink.begin(contexts.incrementAndGet());
            StepLog.exit();
            handles.set(slot, new Begun(handle, sink));
            return;
        }
        CallHandle handle = begun.handle();
        ReferenceSink<Integer> sink = begun.sink();
        StepLog.enter();
        switch (choice) {
            case 3, 4 -> sink.deliver(handle, "o");
            case 5 -> sink.deliverAll(handle, List.of("a", "b"));
            case 6 -> sink.progress(handle, 1, 2, "half");
            case 7 -> sink.complete(handle);
            case 8 -> sink.fail(handle, new IllegalStateException("failed by the workload"));
            default -> sink.cancel();
        }
        StepLog.exit();
    }

    private static void pause() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static SinkListener<Integer> listener(ReferenceSink<?>[] self) {
        return new SinkListener<>() {
            @Override public void onObject(Integer context, Object object) {
                if (context % 5 == 0) throw new IllegalStateException("the workload's listener throws for call " + context);
                if (context % 7 == 0) self[0].cancel();
                else if (context % 3 == 0) pause(); // a callback that lasts: cancels and signals of other threads overlap it
            }
            @Override public void onProgress(Integer context, int current, int upperBound, String message) { }
            @Override public void onCompleted(Integer context) { }
            @Override public void onFailed(Integer context, Throwable error) { }
            @Override public void onCancelled(Integer context) { }
        };
    }
}
