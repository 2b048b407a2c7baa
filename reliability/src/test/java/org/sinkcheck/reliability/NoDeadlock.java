package org.sinkcheck.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.sinkcheck.kit.Capability;
import org.sinkcheck.kit.SinkAdapter;
import org.sinkcheck.model.EventKind;

/**
 * No deadlock, no blocking cancel: cancel from inside every kind of callback takes effect (SC-16); two
 * sinks whose listeners cancel each other while both are being cancelled finish (SC-16,
 * dotnet/runtime#43438); a listener blocked for a long time stops neither another sink's cancel nor its
 * own sink's cancel from returning (SC-11, dotnet/corefx#14903). Every step runs with a bounded wait
 * ({@link Bounded}), and every scenario within a time limit on a thread of its own, so a hang fails
 * instead of hanging CI. Each scenario plays on any sink through its adapter; {@link ScenariosTest} runs
 * it on the sink under test and on the mutant it must fail.
 */
final class NoDeadlock {
    private static final Duration STEP = Duration.ofSeconds(5);
    private static final Duration CANCEL_LIMIT = Duration.ofSeconds(2);

    private NoDeadlock() {}

    static void SC16_cancelInsideCallback(SinkAdapter<?, ?> adapter, EventKind kind) {
        Needs.capability(adapter, Capability.CANCEL_IN_CALLBACK);
        Needs.toSignal(adapter, kind);
        ScenarioSink a = ScenarioSink.open(adapter);
        Object x = RecordingEvents.context("the call whose " + kind.tla() + " callback cancels");
        Object y = RecordingEvents.context("a pending call");
        Object z = RecordingEvents.context("another pending call");
        AtomicReference<Object> begunInside = new AtomicReference<>();
        AtomicBoolean fired = new AtomicBoolean();
        a.hook((context, event) -> {
            if (context != x || event != kind || fired.getAndSet(true)) return;
            Object v = RecordingEvents.context("a call begun inside the callback");
            begunInside.set(v);
            a.begin(v);
            a.cancel();
        });
        ScenarioSink.Call call = a.begin(x);
        a.begin(y);
        a.begin(z);

        Bounded.run(STEP, "the " + kind.tla() + " signal whose callback cancels its own sink", () -> {
            switch (kind) {
                case OBJECT: assertTrue(call.deliver("x")); break;
                case PROGRESS: assertTrue(call.progress()); break;
                case COMPLETED: assertTrue(call.complete()); break;
                case FAILED: assertTrue(call.fail(new IllegalStateException("provider failure"))); break;
                default: a.cancel(); break;
            }
        });

        assertTrue(fired.get(), "the " + kind.tla() + " callback ran");
        List<EventKind> own = kind.isFinal() ? List.of(kind) : List.of(kind, EventKind.CANCELLED);
        assertEquals(own, a.heard(x), "SC-16: the running callback's own call ends " + own);
        assertEquals(List.of(EventKind.CANCELLED), a.heard(y), "SC-16: the cancel from inside a callback ended the sink's other calls");
        assertEquals(List.of(EventKind.CANCELLED), a.heard(z), "SC-16: the cancel from inside a callback ended the sink's other calls");
        assertEquals(List.of(EventKind.CANCELLED), a.heard(begunInside.get()), "SC-16: it ended the call begun inside the callback too");
        assertFalse(call.deliver("after"), "SC-04: the call is over");
    }

    /**
     * Per round: two sinks of 20 calls, each listener cancelling the other sink from its first
     * {@code onCancelled}; both sinks cancelled at once from two threads. The two first callbacks meet at
     * a barrier before cancelling the other sink, which makes the dotnet/runtime#43438 interleaving
     * (each thread inside its own sink's callback, cancelling the other) happen every round.
     */
    static void SC16_mutualCancel(SinkAdapter<?, ?> adapter, int rounds) {
        Needs.capability(adapter, Capability.CANCEL_IN_CALLBACK);
        Needs.capability(adapter, Capability.THREAD_SAFE);
        for (int round = 0; round < rounds; round++) {
            ScenarioSink a = ScenarioSink.open(adapter);
            ScenarioSink b = ScenarioSink.open(adapter);
            CyclicBarrier bothInside = new CyclicBarrier(2);
            a.hook(cancelOtherOnFirstCancelled(b, bothInside));
            b.hook(cancelOtherOnFirstCancelled(a, bothInside));
            List<Object> callsA = a.beginMany("call of a", 20);
            List<Object> callsB = b.beginMany("call of b", 20);
            CountDownLatch go = new CountDownLatch(1);
            Bounded.Step cancelA = Bounded.start("round " + round + ": cancel of a", () -> { Bounded.awaitUninterruptibly(go); a.cancel(); });
            Bounded.Step cancelB = Bounded.start("round " + round + ": cancel of b", () -> { Bounded.awaitUninterruptibly(go); b.cancel(); });
            go.countDown();
            cancelA.await(STEP);
            cancelB.await(STEP);
            for (Object c : callsA) assertEquals(List.of(EventKind.CANCELLED), a.heard(c), "SC-01/SC-07: " + c + " in round " + round);
            for (Object c : callsB) assertEquals(List.of(EventKind.CANCELLED), b.heard(c), "SC-01/SC-07: " + c + " in round " + round);
        }
    }

    private static RecordingEvents.Hook cancelOtherOnFirstCancelled(ScenarioSink other, CyclicBarrier bothInside) {
        AtomicBoolean first = new AtomicBoolean(true);
        return (context, event) -> {
            if (event != EventKind.CANCELLED || !first.getAndSet(false)) return;
            try {
                bothInside.await(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (BrokenBarrierException | TimeoutException e) {
                // the other sink's sweep did not reach its callback in time: cancel anyway
            }
            other.cancel();
        };
    }

    static void SC11_blockedListenerElsewhere(SinkAdapter<?, ?> adapter) {
        Needs.capability(adapter, Capability.THREAD_SAFE);
        ScenarioSink a = ScenarioSink.open(adapter);
        ScenarioSink b = ScenarioSink.open(adapter);
        List<Object> callsB = b.beginMany("call of b", 10);
        BlockedCallback blocked = BlockedCallback.start(a);
        try {
            Bounded.run(CANCEL_LIMIT, "cancel of b while a listener of a is blocked", b::cancel);
            for (Object c : callsB) assertEquals(List.of(EventKind.CANCELLED), b.heard(c), "SC-11: b's cancel ended " + c);
        } finally {
            blocked.close();
        }
    }

    static void SC11_blockedListenerInOwnSink(SinkAdapter<?, ?> adapter) {
        Needs.capability(adapter, Capability.THREAD_SAFE);
        ScenarioSink a = ScenarioSink.open(adapter);
        List<Object> others = a.beginMany("other call", 10);
        BlockedCallback blocked = BlockedCallback.start(a);
        try (blocked) {
            Bounded.run(CANCEL_LIMIT, "cancel of a while one of its callbacks is blocked", a::cancel);
            for (Object c : others) {
                assertEquals(List.of(EventKind.CANCELLED), a.heard(c), "SC-04: " + c + " got onCancelled before cancel() returned");
            }
            assertEquals(List.of(EventKind.OBJECT), a.heard(blocked.context), "SC-04: the blocked call has only its in-flight callback so far");
        }
        assertEquals(List.of(EventKind.OBJECT, EventKind.CANCELLED), a.heard(blocked.context),
                "SC-04: the in-flight call's onCancelled follows its callback");
        assertFalse(blocked.call.deliver("after"), "SC-04: the cancelled call refuses signals");
    }

    /** A provider thread stuck inside one call's object callback until {@link #close()}. */
    private static final class BlockedCallback implements AutoCloseable {
        final Object context = RecordingEvents.context("the call whose listener blocks");
        final ScenarioSink.Call call;
        private final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);
        private final Bounded.Step provider;

        private BlockedCallback(ScenarioSink sink) {
            sink.hook((c, event) -> {
                if (c != context || event != EventKind.OBJECT) return;
                entered.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            call = sink.begin(context);
            provider = Bounded.start("provider whose object callback blocks", () -> assertTrue(call.deliver("x")));
        }

        static BlockedCallback start(ScenarioSink sink) {
            BlockedCallback b = new BlockedCallback(sink);
            try {
                assertTrue(b.entered.await(STEP.toMillis(), TimeUnit.MILLISECONDS), "the listener never entered its blocking callback");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return b;
        }

        /** Unblocks the listener and waits for the provider's signal to return. */
        @Override
        public void close() {
            release.countDown();
            provider.await(STEP);
        }
    }

}
