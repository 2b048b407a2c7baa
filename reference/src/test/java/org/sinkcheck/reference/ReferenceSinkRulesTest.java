package org.sinkcheck.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.sinkcheck.sink.Acceptance;
import org.sinkcheck.sink.CallHandle;

/** One or more single-threaded checks per rule of RULES.md; the concurrent races are in ReferenceSinkRacesTest. */
class ReferenceSinkRulesTest extends RecordedSink {
    @Test
    void SC01_cancelEndsEveryPendingCall() {
        List<CallHandle> calls = new ArrayList<>();
        for (int i = 0; i < 1000; i++) calls.add(sink.begin(i)); // several registry chunks
        sink.complete(calls.get(7));
        sink.cancel();
        for (int i = 0; i < calls.size(); i++) {
            assertEquals(List.of(i == 7 ? "completed" : "cancelled"), heard.of(i), "call " + i);
        }
        assertEquals(0, sink.pendingCalls());
    }

    @Test
    void SC02_cancelLeavesAnotherSinkAlone() {
        ReferenceSink<Object> other = heard.newSink();
        CallHandle mine = sink.begin("mine");
        CallHandle theirs = other.begin("theirs");
        sink.cancel();
        assertEquals(List.of("cancelled"), heard.of("mine"));
        assertEquals(List.of(), heard.of("theirs"));
        assertEquals(Acceptance.ACCEPTED, other.deliver(theirs, "x"));
        assertEquals(1, other.pendingCalls());
        assertTrue(mine.isCancelled());
        assertFalse(theirs.isCancelled());
    }

    @Test
    void SC03_exactlyOneFinalAndItIsLast() {
        CallHandle a = sink.begin("a");
        CallHandle b = sink.begin("b");
        sink.deliver(a, 1);
        sink.progress(a, 1, 2, null); // a progress report without a message is still progress
        sink.fail(b, new IllegalStateException("provider"));
        sink.complete(a);
        sink.cancel();
        sink.deliver(a, 2);
        assertEquals(List.of("object", "progress", "completed"), heard.of("a"));
        assertEquals(List.of("failed"), heard.of("b"));
    }

    @Test
    void SC04_noSignalReachesACancelledCall() {
        CallHandle call = sink.begin("c");
        sink.cancel();
        assertEquals(Acceptance.CALL_FINISHED, sink.deliver(call, "late"));
        assertEquals(Acceptance.CALL_FINISHED, sink.progress(call, 1, 1, "late"));
        assertEquals(List.of("cancelled"), heard.of("c"));
    }

    @Test
    void SC05_firstFinalWinsAndTheOthersAreRefused() {
        CallHandle call = sink.begin("c");
        assertEquals(Acceptance.ACCEPTED, sink.complete(call));
        assertEquals(Acceptance.CALL_FINISHED, sink.fail(call, new RuntimeException()));
        assertEquals(Acceptance.CALL_FINISHED, sink.complete(call));
        sink.cancel();
        assertEquals(List.of("completed"), heard.of("c"));
        assertFalse(call.isCancelled());
    }

    @Test
    void SC07_cancelIsIdempotentAndANoOpOnAnIdleSink() {
        sink.cancel();
        sink.cancel();
        CallHandle call = sink.begin("c");
        sink.cancel();
        sink.cancel();
        assertEquals(List.of("cancelled"), heard.of("c"));
        assertTrue(call.isCancelled());
        assertTrue(heard.errors.isEmpty());
    }

    @Test
    void SC08_callsBegunAfterCancelAreLive() {
        sink.begin("before");
        sink.cancel();
        CallHandle after = sink.begin("after");
        assertFalse(after.isCancelled());
        assertEquals(Acceptance.ACCEPTED, sink.deliver(after, "x"));
        assertEquals(Acceptance.ACCEPTED, sink.complete(after));
        assertEquals(List.of("object", "completed"), heard.of("after"));
    }

    @Test
    void SC09_contextTellsCallsApartAndAReentrantSignalIsBusy() {
        CallHandle a = sink.begin("a");
        CallHandle b = sink.begin("b");
        AtomicReference<Acceptance> reentrant = new AtomicReference<>();
        heard.hook = (context, event) -> {
            if (context.equals("a") && event.equals("object")) reentrant.set(sink.deliver(a, "again"));
        };
        sink.deliver(a, 1);
        sink.deliver(b, 1);
        assertEquals(Acceptance.CALL_BUSY, reentrant.get());
        assertEquals(List.of("object"), heard.of("a"));
        assertEquals(List.of("object"), heard.of("b"));
        assertEquals(0, heard.overlaps.get());
    }

    @Test
    void SC10_anEndlessCallEndsByCancel() {
        CallHandle subscription = sink.begin("events");
        for (int i = 0; i < 5; i++) sink.deliver(subscription, i);
        assertFalse(subscription.isFinished());
        sink.cancel();
        assertTrue(subscription.isFinished());
        assertEquals("cancelled", heard.of("events").get(5));
    }

    @Test
    void SC12_theProviderIsTold() {
        CallHandle call = sink.begin("c");
        assertFalse(call.isCancelled());
        sink.cancel();
        assertTrue(call.isCancelled());
        assertTrue(call.isFinished());
    }

    @Test
    void SC13_finishedCallsAreUnlinkedAndUnreachable() {
        ReferenceSink<Object> quiet = new ReferenceSink<>(new SilentListener(), (context, error) -> { });
        Object completed = new Object();
        Object cancelled = new Object();
        WeakReference<Object> completedRef = new WeakReference<>(completed);
        WeakReference<Object> cancelledRef = new WeakReference<>(cancelled);
        quiet.complete(quiet.begin(completed));
        quiet.begin(cancelled);
        assertEquals(1, quiet.pendingCalls());
        quiet.cancel();
        assertEquals(0, quiet.pendingCalls());
        completed = null;
        cancelled = null;
        for (int i = 0; i < 50 && (completedRef.get() != null || cancelledRef.get() != null); i++) System.gc();
        assertNull(completedRef.get(), "a completed call's context is still reachable through the sink");
        assertNull(cancelledRef.get(), "a cancelled call's context is still reachable through the sink");
        java.lang.ref.Reference.reachabilityFence(quiet); // the sink itself is alive while we look
    }

    @Test
    void SC13_aStaleHandleKeepsNoOtherCallReachable() {
        ReferenceSink<Object> quiet = new ReferenceSink<>(new SilentListener(), (context, error) -> { });
        CallHandle kept = quiet.begin("kept");
        Object other = new Object();
        WeakReference<Object> otherRef = new WeakReference<>(other);
        quiet.begin(other);
        other = null;
        quiet.cancel(); // both cancelled by the sweep, which clears the closed generation's slots
        for (int i = 0; i < 50 && otherRef.get() != null; i++) System.gc();
        assertNull(otherRef.get(), "a stale handle keeps its generation's other calls reachable");
        assertTrue(kept.isCancelled());
    }

    @Test
    void SC13_slotsOfFinishedCallsAreReused() {
        for (int round = 0; round < 3; round++) {
            List<CallHandle> calls = new ArrayList<>();
            for (int i = 0; i < 600; i++) calls.add(sink.begin(round * 1000 + i));
            assertEquals(600, sink.pendingCalls());
            for (CallHandle call : calls) sink.complete(call);
            assertEquals(0, sink.pendingCalls());
        }
    }

    @Test
    void SC13_aRefusedBeginSaysWhyInOneLineAndLeaksNothing() {
        ReferenceSink<Object> small = new ReferenceSink<>(heard, (context, error) -> heard.errors.add(error), 1);
        List<CallHandle> calls = new ArrayList<>();
        for (int i = 0; i < 256; i++) calls.add(small.begin(i));
        List<IllegalStateException> refusals = new ArrayList<>();
        for (int attempt = 0; attempt < 3; attempt++) {
            refusals.add(org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> small.begin("refused")));
        }
        assertEquals(256, small.pendingCalls());
        assertEquals(256, java.util.stream.IntStream.of(small.slotCapacityByStripe()).sum(), "refused begins grew the registry");
        for (IllegalStateException refused : refusals) {
            assertFalse(refused.getMessage().contains("\n"), refused.getMessage());
            assertTrue(refused.getMessage().startsWith("sink: begin refused"), refused.getMessage());
        }
        small.complete(calls.get(3));
        CallHandle fits = small.begin("fits again");
        assertEquals(256, small.pendingCalls());
        small.cancel();
        assertEquals(List.of("cancelled"), heard.of("fits again"));
        assertEquals(List.of(), heard.of("refused"), "a refused begin left a call behind");
        assertEquals(0, small.pendingCalls());
        assertTrue(fits.isCancelled());
    }

    @Test
    void SC14_foreignForgedAndStaleHandlesAreRefused() {
        BadHandles bad = BadHandles.against(sink, heard);
        assertEquals(Acceptance.NOT_THIS_SINK, sink.deliver(bad.foreign(), "x"));
        assertEquals(Acceptance.NOT_THIS_SINK, sink.complete(bad.foreign()));
        assertEquals(Acceptance.NOT_THIS_SINK, sink.progress(bad.forged(), 1, 1, "x"));
        assertEquals(Acceptance.NOT_THIS_SINK, sink.fail(bad.forged(), new RuntimeException()));
        assertEquals(Acceptance.CALL_FINISHED, sink.deliver(bad.stale(), "x"));
        assertEquals(List.of(), heard.of("foreign"));
        assertEquals(List.of("completed"), heard.of("stale"));
        assertFalse(bad.foreign().isFinished());
    }

    @Test
    void SC15_aThrowingListenerCancelsItsOwnCallOnlyAndIsReported() {
        CallHandle bad = sink.begin("bad");
        CallHandle good = sink.begin("good");
        heard.hook = (context, event) -> {
            if (context.equals("bad") && event.equals("object")) throw new IllegalStateException("listener");
        };
        assertEquals(Acceptance.ACCEPTED, sink.deliver(bad, 1));
        assertEquals(List.of("cancelled"), heard.of("bad"));
        assertTrue(bad.isCancelled());
        assertEquals(1, heard.errors.size());
        assertEquals(Acceptance.ACCEPTED, sink.deliver(good, 1));
        assertEquals(1, sink.pendingCalls());
    }

    @Test
    void SC15_aThrowingOnCancelledDoesNotStopTheSweep() {
        for (int i = 0; i < 10; i++) sink.begin(i);
        heard.hook = (context, event) -> {
            throw new IllegalStateException("listener " + context);
        };
        sink.cancel();
        assertEquals(10, heard.errors.size());
        assertEquals(0, sink.pendingCalls());
    }

    @Test
    void SC16_cancelInsideACallbackEndsTheRunningCallAfterItsCallback() {
        CallHandle running = sink.begin("running");
        sink.begin("other");
        List<String> seenInside = new ArrayList<>();
        heard.hook = (context, event) -> {
            if (context.equals("running") && event.equals("object")) {
                sink.cancel();
                seenInside.addAll(heard.of("other"));
                seenInside.addAll(heard.of("running"));
            }
        };
        assertEquals(Acceptance.ACCEPTED, sink.deliver(running, 1));
        assertEquals(List.of("cancelled"), seenInside, "other ended inside, running not yet");
        assertEquals(List.of("object", "cancelled"), heard.of("running"));
        assertEquals(0, heard.overlaps.get());
        assertEquals(0, sink.pendingCalls());
    }

    @Test
    void SC16_twoSinksWhoseListenersCancelEachOtherDoNotDeadlock() {
        ReferenceSink<Object> other = heard.newSink();
        sink.begin("a");
        other.begin("b");
        heard.hook = (context, event) -> {
            if (event.equals("cancelled")) (context.equals("a") ? other : sink).cancel();
        };
        sink.cancel();
        assertEquals(List.of("cancelled"), heard.of("a"));
        assertEquals(List.of("cancelled"), heard.of("b"));
    }
}
