package org.sinkcheck.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jol.info.GraphLayout;
import org.sinkcheck.kit.Capability;
import org.sinkcheck.kit.Events;
import org.sinkcheck.kit.SinkAdapter;

/**
 * SC-13, no retention: a sink references exactly its pending calls. Measured two ways on one long-lived
 * sink: the retained size of the sink's object graph (JOL) after a million begin/complete and a million
 * begin/cancel cycles is back at its baseline; and a finished call's context, delivered object and handle
 * become collectible while the sink stays strongly reachable (weak references, a bounded number of
 * collections). The listener here counts and keeps nothing, so all that is measured is the sink. Peer
 * bugs: RxJava#5016 (finished members kept), kotlinx.coroutines#1845 (racing add/remove re-linked a node).
 * Each scenario plays on any sink through its adapter; {@link ScenariosTest} runs it on the sink under
 * test and on the mutant it must fail.
 */
final class Leaks {
    static final int CYCLES = 1_000_000;
    static final int WARM_UP = 10_000;
    /**
     * Slack for a sink's own bookkeeping, which does not grow with cycles: a counter, a pooled node, or,
     * in a striped sink like the reference, a 2 KB chunk of reusable slots for each of the (at most
     * four) threads of a scenario. Retention grows with cycles, far beyond it: the retaining mutant
     * keeps hundreds of kilobytes after the smallest scenario here.
     */
    private static final long SLACK_BYTES = 16 * 1024;
    private static final int GC_ATTEMPTS = 20;

    private Leaks() {}

    /** A listener that keeps nothing: counts events, drops contexts and objects. */
    static final class CountingEvents implements Events {
        final LongAdder events = new LongAdder();
        final LongAdder errors = new LongAdder();

        @Override public void object(Object context, Object object) { events.increment(); }
        @Override public void progress(Object context) { events.increment(); }
        @Override public void completed(Object context) { events.increment(); }
        @Override public void failed(Object context, Throwable error) { events.increment(); }
        @Override public void cancelled(Object context) { events.increment(); }
        @Override public void listenerError(Object context, Throwable error) { errors.increment(); }
    }

    /**
     * A million begin/deliver/complete cycles, measured, then a million begin/deliver/cancel cycles,
     * measured again: no cancel in the first phase, so retention that only a cancel clears shows too.
     */
    static void SC13_cyclesLeaveTheSinkAtItsBaselineSize(SinkAdapter<?, ?> adapter, int cycles) {
        CountingEvents events = new CountingEvents();
        ScenarioSink sink = ScenarioSink.open(adapter, events);
        completeCycles(sink, WARM_UP);
        cancelCycles(sink, WARM_UP);
        long baseline = retainedBytes(sink);

        completeCycles(sink, cycles);
        assertBackToBaseline(sink, baseline, cycles + " begin/complete cycles");
        cancelCycles(sink, cycles);
        assertBackToBaseline(sink, baseline, cycles + " begin/complete and " + cycles + " begin/cancel cycles");
        assertEquals(4L * (WARM_UP + cycles), events.events.sum(), "every cycle's object and final reached the listener");
    }

    private static void completeCycles(ScenarioSink sink, int cycles) {
        for (int i = 0; i < cycles; i++) {
            ScenarioSink.Call call = sink.begin(new Object());
            call.deliver(new Object());
            call.complete();
        }
    }

    private static void cancelCycles(ScenarioSink sink, int cycles) {
        for (int i = 0; i < cycles; i++) {
            sink.begin(new Object()).deliver(new Object());
            sink.cancel();
        }
    }

    private static void assertBackToBaseline(ScenarioSink sink, long baseline, String after) {
        if (sink.capabilities().contains(Capability.RETENTION_VISIBLE)) {
            assertEquals(0, sink.pendingCalls(), "SC-13: after " + after + ", the sink still counts pending calls");
        }
        long size = retainedBytes(sink);
        System.out.printf("SC-13 %s: after %s the sink retains %,d bytes (baseline %,d)%n", sink.name(), after, size, baseline);
        assertTrue(size <= baseline + SLACK_BYTES, "SC-13: after " + after + " the sink retains " + size
                + " bytes, baseline " + baseline + " (slack " + SLACK_BYTES + ")");
    }

    /**
     * Three threads begin and complete calls while a fourth begins and cancels; once every completing
     * thread is half done the cancelling thread stops, and only then do they do their second half, so a
     * sink that only a cancel cleans is measured with that second half in it, on every scheduling.
     */
    static void SC13_racingCyclesLeaveTheSinkAtItsBaselineSize(SinkAdapter<?, ?> adapter, int cyclesPerThread) {
        Needs.capability(adapter, Capability.THREAD_SAFE);
        ScenarioSink sink = ScenarioSink.open(adapter, new CountingEvents());
        completeCycles(sink, WARM_UP);
        cancelCycles(sink, WARM_UP);
        long baseline = retainedBytes(sink);
        int threads = 3;
        CountDownLatch firstHalvesDone = new CountDownLatch(threads);
        CountDownLatch cancellingStopped = new CountDownLatch(1);
        List<Bounded.Step> steps = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            steps.add(Bounded.start("begin/complete thread " + t, () -> {
                for (int i = 0; i < cyclesPerThread; i++) {
                    if (i == cyclesPerThread / 2) {
                        firstHalvesDone.countDown();
                        Bounded.awaitUninterruptibly(cancellingStopped);
                    }
                    sink.begin(new Object()).complete();
                }
            }));
        }
        steps.add(Bounded.start("begin/cancel thread", () -> {
            try {
                while (firstHalvesDone.getCount() > 0) {
                    sink.begin(new Object());
                    sink.cancel();
                }
            } finally {
                cancellingStopped.countDown();
            }
        }));
        for (Bounded.Step step : steps) step.await(Duration.ofSeconds(40));

        assertBackToBaseline(sink, baseline, "racing begins, completes and cancels");
    }

    /** How a call ends before its remains must be collectible. */
    enum Ending { COMPLETE, FAIL, CANCEL }

    static void SC13_remainsOfFinishedCallsBecomeCollectible(SinkAdapter<?, ?> adapter, Ending ending) {
        Needs.capability(adapter, ending == Ending.FAIL, Capability.FAIL);
        ScenarioSink sink = ScenarioSink.open(adapter, new CountingEvents());
        List<WeakReference<Object>> remains = finishOneCall(sink, ending);
        for (int attempt = 0; attempt < GC_ATTEMPTS && remains.stream().anyMatch(r -> r.get() != null); attempt++) {
            System.gc();
            sleep(Duration.ofMillis(20));
        }
        List<String> kept = new ArrayList<>();
        String[] names = {"context", "delivered object", "handle"};
        for (int i = 0; i < remains.size(); i++) if (remains.get(i).get() != null) kept.add(names[i]);
        assertTrue(kept.isEmpty(), "SC-13: after " + GC_ATTEMPTS + " collections, the " + kept + " of a call ended by "
                + ending + " is still reachable while its sink is alive: the sink retains finished calls");
        Reference.reachabilityFence(sink);
    }

    /** Begins, feeds and ends one call; returns weak references to its context, object and handle only. */
    private static List<WeakReference<Object>> finishOneCall(ScenarioSink sink, Ending ending) {
        Object context = new Object();
        Object object = new Object();
        ScenarioSink.Call call = sink.begin(context);
        call.deliver(object);
        switch (ending) {
            case COMPLETE: call.complete(); break;
            case FAIL: call.fail(new IllegalStateException("provider failure")); break;
            default: sink.cancel(); break;
        }
        return List.of(new WeakReference<>(context), new WeakReference<>(object), new WeakReference<>(call));
    }

    private static long retainedBytes(ScenarioSink sink) {
        return GraphLayout.parseInstance(sink.sink()).totalSize();
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
