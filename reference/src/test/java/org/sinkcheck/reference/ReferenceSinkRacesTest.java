package org.sinkcheck.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sinkcheck.sink.Acceptance;
import org.sinkcheck.sink.CallHandle;

/**
 * Concurrency smoke tests: real threads racing the operations whose interleavings CancelAllAlgo.tla
 * checks exhaustively. They cannot prove absence of races (that is the model's and jcstress's job);
 * they catch gross breakage fast, and a hang becomes a failure through {@code @Timeout}.
 */
@Timeout(20)
class ReferenceSinkRacesTest {
    private static final int ROUNDS = 300;

    private final RecordingListener heard = new RecordingListener();

    /** Runs {@code actions} on their own threads, released together. */
    private static void race(Runnable... actions) throws Exception {
        CyclicBarrier start = new CyclicBarrier(actions.length);
        Runnable[] released = new Runnable[actions.length];
        for (int i = 0; i < actions.length; i++) {
            Runnable action = actions[i];
            released[i] = () -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new AssertionError("the start barrier broke", e);
                }
                action.run();
            };
        }
        Together.run(Thread::new, new CopyOnWriteArrayList<>(), released);
    }

    private void assertOneFinalLast(Object context) {
        List<String> events = heard.of(context);
        long finals = events.stream().filter(e -> !e.equals("object") && !e.equals("progress")).count();
        assertEquals(1, finals, context + ": " + events);
        String last = events.get(events.size() - 1);
        assertTrue(!last.equals("object") && !last.equals("progress"), context + ": " + events);
    }

    @Test
    void SC06_beginRacingCancelIsCancelledByItOrLive() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            ReferenceSink<Object> sink = heard.newSink();
            Object context = "r" + round;
            CallHandle[] begun = new CallHandle[1];
            race(() -> begun[0] = sink.begin(context), sink::cancel);
            CallHandle call = begun[0];
            if (call.isCancelled()) {
                assertEquals(List.of("cancelled"), heard.of(context));
            } else {
                assertEquals(List.of(), heard.of(context));
                assertEquals(1, sink.pendingCalls());
                sink.cancel(); // never lost: the next cancel reaches it
                assertEquals(List.of("cancelled"), heard.of(context));
            }
            assertEquals(0, sink.pendingCalls());
        }
    }

    @Test
    void SC05_completeRacingCancelHasExactlyOneWinner() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            ReferenceSink<Object> sink = heard.newSink();
            Object context = "r" + round;
            CallHandle call = sink.begin(context);
            Acceptance[] completed = new Acceptance[1];
            race(() -> completed[0] = sink.complete(call), sink::cancel);
            assertEquals(List.of(completed[0] == Acceptance.ACCEPTED ? "completed" : "cancelled"), heard.of(context));
            assertEquals(completed[0] != Acceptance.ACCEPTED, call.isCancelled());
            assertEquals(0, sink.pendingCalls());
        }
    }

    @Test
    void SC07_concurrentCancelsEndEachCallOnce() throws Exception {
        ReferenceSink<Object> sink = heard.newSink();
        for (int round = 0; round < 50; round++) {
            for (int i = 0; i < 100; i++) sink.begin(round * 100 + i);
            race(sink::cancel, sink::cancel, sink::cancel);
            for (int i = 0; i < 100; i++) assertEquals(List.of("cancelled"), heard.of(round * 100 + i));
            assertEquals(0, sink.pendingCalls());
        }
    }

    @Test
    void SC04_SC11_cancelDoesNotWaitForARunningCallbackWhichIsFollowedByOnCancelled() throws Exception {
        ReferenceSink<Object> sink = heard.newSink();
        CallHandle call = sink.begin("slow");
        sink.begin("idle");
        CountDownLatch inCallback = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        heard.hook = (context, event) -> {
            if (event.equals("object")) {
                inCallback.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        Thread provider = new Thread(() -> sink.deliver(call, "x"));
        provider.start();
        assertTrue(inCallback.await(5, TimeUnit.SECONDS));
        sink.cancel(); // must return although the listener is blocked (SC-11)
        assertEquals(List.of("cancelled"), heard.of("idle"));
        assertEquals(List.of(), heard.of("slow"), "in flight: onCancelled waits for the running callback");
        assertEquals(Acceptance.CALL_BUSY, sink.deliver(call, "y"));
        release.countDown();
        provider.join();
        assertEquals(List.of("object", "cancelled"), heard.of("slow"));
        assertTrue(call.isCancelled());
        assertEquals(0, heard.overlaps.get());
    }

    /** Many providers and cancellers on one sink: every call ends exactly once, nothing overlaps or stays. */
    @Test
    void SC03_SC09_SC13_mixedLoadEndsEveryCallOnceWithoutOverlap() throws Exception {
        ReferenceSink<Object> sink = heard.newSink();
        int perThread = 2000;
        int providers = 3;
        AtomicReferenceArray<CallHandle> calls = new AtomicReferenceArray<>(providers * perThread);
        Runnable[] actions = new Runnable[providers + 1];
        for (int p = 0; p < providers; p++) {
            int base = p * perThread;
            actions[p] = () -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int i = 0; i < perThread; i++) {
                    CallHandle call = sink.begin(base + i);
                    calls.set(base + i, call);
                    sink.deliver(call, i);
                    // also signal someone else's call, to race on one call from two threads
                    CallHandle neighbour = calls.get(random.nextInt(calls.length()));
                    if (neighbour != null) sink.progress(neighbour, 1, 2, "p");
                    if (random.nextBoolean()) sink.complete(call);
                }
            };
        }
        actions[providers] = () -> {
            for (int i = 0; i < 200; i++) sink.cancel();
        };
        race(actions);
        sink.cancel();
        for (int i = 0; i < calls.length(); i++) assertOneFinalLast(i);
        assertEquals(0, heard.overlaps.get());
        assertEquals(0, sink.pendingCalls());
        assertTrue(heard.errors.isEmpty());
    }
}
