package org.sinkcheck.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.AbstractList;
import java.util.LinkedList;
import java.util.List;
import java.util.RandomAccess;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.sinkcheck.sink.Acceptance;
import org.sinkcheck.sink.CallHandle;

/**
 * {@link ReferenceSink#deliverAll}: a batch under one claim of the call's token, with the rules applied
 * per object (RULES.md, "Batch delivery"). Each test is one story of a batch that is cut short, or
 * refused, and what the listener and the provider must see.
 */
class DeliverAllRulesTest extends RecordedSink {
    @Test
    void SC03_SC09_aBatchDeliversEveryObjectInOrderUnderOneClaim() {
        CallHandle call = sink.begin("c");
        List<Object> seen = new java.util.ArrayList<>();
        ReferenceSink<Object> ordered = new ReferenceSink<>(new RecordingObjects(seen), (context, error) -> { });
        CallHandle mine = ordered.begin("m");
        assertEquals(Acceptance.ACCEPTED, ordered.deliverAll(mine, List.of(1, 2, 3)));
        assertEquals(List.of(1, 2, 3), seen);
        assertEquals(Acceptance.ACCEPTED, sink.deliverAll(call, new LinkedList<>(List.of("a", "b")))); // not RandomAccess: copied
        assertEquals(Acceptance.ACCEPTED, sink.complete(call));
        assertEquals(List.of("object", "object", "completed"), heard.of("c"));
    }

    @Test
    void SC04_SC16_aCancelFromInsideTheFirstCallbackStopsTheBatchBeforeTheSecondObject() {
        CallHandle call = sink.begin("c");
        CallHandle other = sink.begin("other");
        heard.hook = (context, event) -> {
            if (context.equals("c") && event.equals("object")) sink.cancel();
        };
        assertEquals(Acceptance.CALL_FINISHED, sink.deliverAll(call, List.of(1, 2, 3)));
        assertEquals(List.of("object", "cancelled"), heard.of("c"));
        assertEquals(List.of("cancelled"), heard.of("other"));
        assertTrue(call.isCancelled());
        assertEquals(0, sink.pendingCalls());
        assertEquals(0, heard.overlaps.get());
    }

    @Test
    void SC04_SC11_aCancelFromAnotherThreadDuringACallbackReturnsAtOnceAndTheBatchStopsAfterIt() throws Exception {
        CallHandle call = sink.begin("c");
        CountDownLatch inCallback = new CountDownLatch(1);
        CountDownLatch cancelReturned = new CountDownLatch(1);
        heard.hook = (context, event) -> {
            if (event.equals("object")) {
                inCallback.countDown();
                await(cancelReturned);
            }
        };
        CompletableFuture<Acceptance> batch = CompletableFuture.supplyAsync(() -> sink.deliverAll(call, List.of(1, 2, 3)));
        assertTrue(inCallback.await(5, TimeUnit.SECONDS));
        sink.cancel(); // marks the held call and returns: it never waits for the running callback (SC-11)
        assertEquals(List.of(), heard.of("c"), "onCancelled waits for the callback in flight (SC-04, SC-09)");
        cancelReturned.countDown();
        assertEquals(Acceptance.CALL_FINISHED, batch.get(5, TimeUnit.SECONDS));
        assertEquals(List.of("object", "cancelled"), heard.of("c"), "no object after the one in flight (SC-04)");
        assertTrue(call.isCancelled());
    }

    @Test
    void SC04_aCancelDuringTheLastCallbackEndsTheCallAfterItAndTheBatchWasAccepted() {
        CallHandle call = sink.begin("c");
        AtomicInteger objects = new AtomicInteger();
        heard.hook = (context, event) -> {
            if (event.equals("object") && objects.incrementAndGet() == 2) sink.cancel();
        };
        assertEquals(Acceptance.ACCEPTED, sink.deliverAll(call, List.of(1, 2)));
        assertEquals(List.of("object", "object", "cancelled"), heard.of("c"));
    }

    @Test
    void SC04_aBatchOnACancelledCallIsRefusedAndDeliversNothing() {
        CallHandle call = sink.begin("c");
        sink.cancel();
        assertEquals(Acceptance.CALL_FINISHED, sink.deliverAll(call, List.of(1, 2)));
        assertEquals(Acceptance.CALL_FINISHED, sink.deliverAll(call, List.of()));
        assertEquals(List.of("cancelled"), heard.of("c"));
    }

    @Test
    void SC15_aListenerThatThrowsMidBatchEndsTheBatchAndCancelsItsOwnCallOnly() {
        CallHandle call = sink.begin("c");
        CallHandle other = sink.begin("other");
        AtomicInteger objects = new AtomicInteger();
        IllegalStateException boom = new IllegalStateException("listener");
        heard.hook = (context, event) -> {
            if (context.equals("c") && event.equals("object") && objects.incrementAndGet() == 2) throw boom;
        };
        assertEquals(Acceptance.CALL_FINISHED, sink.deliverAll(call, List.of(1, 2, 3)));
        assertEquals(List.of("object", "cancelled"), heard.of("c"), "the thrown object is not recorded; no third object");
        assertEquals(List.of(boom), List.copyOf(heard.errors));
        assertEquals(Acceptance.ACCEPTED, sink.deliverAll(other, List.of(1)), "the other call is untouched");
        assertEquals(Acceptance.ACCEPTED, sink.complete(other));
    }

    @Test
    void SC15_aListenerThatThrowsFromTheLastObjectLeavesTheBatchAccepted() {
        CallHandle call = sink.begin("c");
        AtomicInteger objects = new AtomicInteger();
        heard.hook = (context, event) -> {
            if (event.equals("object") && objects.incrementAndGet() == 2) throw new IllegalStateException("last");
        };
        assertEquals(Acceptance.ACCEPTED, sink.deliverAll(call, List.of(1, 2)));
        assertEquals(List.of("object", "cancelled"), heard.of("c"));
        assertEquals(1, heard.errors.size());
    }

    @Test
    void SC09_aSignalFromInsideABatchsCallbackIsBusyAndSoIsAnotherThreads() throws Exception {
        CallHandle call = sink.begin("c");
        AtomicReference<Acceptance> reentrant = new AtomicReference<>();
        AtomicReference<Acceptance> fromElsewhere = new AtomicReference<>();
        AtomicReference<Acceptance> completeElsewhere = new AtomicReference<>();
        heard.hook = (context, event) -> {
            if (!event.equals("object") || reentrant.get() != null) return;
            reentrant.set(sink.deliverAll(call, List.of("again")));
            try {
                CompletableFuture.runAsync(() -> {
                    fromElsewhere.set(sink.deliver(call, "elsewhere"));
                    completeElsewhere.set(sink.complete(call));
                }).get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
        assertEquals(Acceptance.ACCEPTED, sink.deliverAll(call, List.of(1, 2)));
        assertEquals(Acceptance.CALL_BUSY, reentrant.get());
        assertEquals(Acceptance.CALL_BUSY, fromElsewhere.get(), "the batch holds the token between its objects too");
        assertEquals(Acceptance.CALL_BUSY, completeElsewhere.get());
        assertEquals(List.of("object", "object"), heard.of("c"));
        assertEquals(0, heard.overlaps.get());
    }

    @Test
    void SC14_foreignForgedAndStaleHandlesAreRefusedAndDeliverNothing() {
        BadHandles bad = BadHandles.against(sink, heard);
        assertEquals(Acceptance.NOT_THIS_SINK, sink.deliverAll(bad.foreign(), List.of(1)));
        assertEquals(Acceptance.NOT_THIS_SINK, sink.deliverAll(bad.foreign(), List.of()));
        assertEquals(Acceptance.NOT_THIS_SINK, sink.deliverAll(bad.forged(), List.of(1)));
        assertEquals(Acceptance.CALL_FINISHED, sink.deliverAll(bad.stale(), List.of(1)));
        assertEquals(List.of(), heard.of("foreign"));
        assertEquals(List.of("completed"), heard.of("stale"));
    }

    @Test
    void badInput_aNullListIsRefusedInOneLineAndTheCallStaysLive() {
        CallHandle call = sink.begin("c");
        NullPointerException e = assertThrows(NullPointerException.class, () -> sink.deliverAll(call, null));
        assertEquals("deliverAll: the list of objects is null", e.getMessage());
        assertEquals(Acceptance.ACCEPTED, sink.deliverAll(call, List.of()), "an empty batch delivers nothing");
        assertEquals(List.of(), heard.of("c"));
        assertEquals(Acceptance.ACCEPTED, sink.complete(call));
    }

    @Test
    void badInput_aListThatThrowsWhileReadEndsTheBatchAndGivesTheTokenBack() {
        CallHandle call = sink.begin("c");
        class Shrinking extends AbstractList<Object> implements RandomAccess { // read in place, not copied
            @Override public Object get(int index) {
                if (index == 1) throw new IndexOutOfBoundsException("the provider's list shrank");
                return index;
            }
            @Override public int size() { return 3; }
        }
        List<Object> broken = new Shrinking();
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> sink.deliverAll(call, broken));
        assertEquals("the provider's list shrank", e.getMessage());
        assertEquals(List.of("object"), heard.of("c"));
        assertFalse(call.isFinished());
        assertEquals(Acceptance.ACCEPTED, sink.deliver(call, "after"), "the token was given back");
        sink.cancel();
        assertEquals(List.of("object", "object", "cancelled"), heard.of("c"));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(5, TimeUnit.SECONDS)) throw new AssertionError("timed out");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Records the objects themselves, in order. */
    private record RecordingObjects(List<Object> seen) implements org.sinkcheck.sink.SinkListener<Object> {
        @Override public void onObject(Object context, Object object) { seen.add(object); }
        @Override public void onProgress(Object context, int current, int upperBound, String message) { }
        @Override public void onCompleted(Object context) { }
        @Override public void onFailed(Object context, Throwable error) { }
        @Override public void onCancelled(Object context) { }
    }
}
