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
 */
public final class AlgoTraceWorkload {
    private static final int SLOTS = 6;

    private AlgoTraceWorkload() {}

    /** Runs {@code threads} threads of {@code ops} operations each from {@code seed}; returns the recorded steps. */
    public static List<List<Step>> run(int threads, int ops, long seed) {
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
        StepLog.Recording recording = StepLog.start();
        List<Thread> running = new ArrayList<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int t = 0; t < threads; t++) {
            Random random = new Random(seed * 31 + t);
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < ops; i++) step(random, sinks, handles, contexts);
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "algo-trace-" + t);
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
        return steps;
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
