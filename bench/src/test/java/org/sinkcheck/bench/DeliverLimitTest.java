package org.sinkcheck.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sinkcheck.kit.Events;
import org.sinkcheck.kit.SinkAdapter;

/**
 * The deliver limit really holds the call's token while its callback runs (a delivery from inside that
 * callback is refused, SC-09's serial callbacks), once per object and once per batch; a peer, which
 * only reads its call's state, lets the nested delivery through. The reference's batch is its sink's
 * {@code deliverAll}, which holds the token for the whole batch too; a peer's is one delivery per object.
 */
class DeliverLimitTest {

    /** Delivers into the same call from inside each object callback, and records whether that was accepted. */
    private static final class Reentrant implements Events {
        final List<Boolean> nestedAccepted = new ArrayList<>();
        SinkAdapter<Object, Object> adapter;
        Object sink;
        Object call;
        int objects;

        @Override public void object(Object context, Object object) {
            objects++;
            if (object != "nested") nestedAccepted.add(adapter.deliver(sink, call, "nested"));
        }

        @Override public void progress(Object context) { }
        @Override public void completed(Object context) { }
        @Override public void failed(Object context, Throwable error) { }
        @Override public void cancelled(Object context) { }
        @Override public void listenerError(Object context, Throwable error) { }
    }

    @SuppressWarnings("unchecked")
    private static Reentrant open(String impl) {
        Reentrant events = new Reentrant();
        events.adapter = (SinkAdapter<Object, Object>) Implementation.adapter(impl);
        events.sink = events.adapter.newSink(events);
        events.call = events.adapter.begin(events.sink, "context");
        return events;
    }

    @Test
    void SC09_the_limit_claims_the_call_around_each_delivery_and_a_peer_does_not() {
        Reentrant limit = open("limit");
        assertTrue(limit.adapter.deliver(limit.sink, limit.call, "first"));
        assertEquals(List.of(false), limit.nestedAccepted, "the token was held");
        assertTrue(limit.adapter.deliver(limit.sink, limit.call, "second"), "and released afterwards");

        Reentrant peer = open("rxjava");
        assertTrue(peer.adapter.deliver(peer.sink, peer.call, "first"));
        assertEquals(List.of(true), peer.nestedAccepted, "a peer's callbacks of one call may overlap");
    }

    @Test
    void SC09_the_limit_claims_a_batch_once_for_all_its_objects() {
        Reentrant limit = open("limit");
        assertTrue(limit.adapter.deliverAll(limit.sink, limit.call, List.of("a", "b", "c")));
        assertEquals(3, limit.objects);
        assertEquals(List.of(false, false, false), limit.nestedAccepted, "held for the whole batch");
        assertTrue(LoadedSink.batchesNatively(limit.adapter));
    }

    @Test
    void SC09_the_reference_claims_a_batch_once_for_all_its_objects_and_a_peer_delivers_one_by_one() {
        Reentrant reference = open("reference");
        assertTrue(reference.adapter.deliverAll(reference.sink, reference.call, List.of("a", "b", "c")));
        assertEquals(List.of(false, false, false), reference.nestedAccepted, "held for the whole batch");
        assertTrue(LoadedSink.batchesNatively(reference.adapter));

        Reentrant peer = open("rxjava");
        assertTrue(peer.adapter.deliverAll(peer.sink, peer.call, List.of("a", "b")));
        assertEquals(List.of(true, true), peer.nestedAccepted, "one delivery per object, none held");
        assertFalse(LoadedSink.batchesNatively(peer.adapter));
    }

    @Test
    void a_batch_on_a_loaded_sink_is_heard_object_by_object_and_refused_after_cancel() {
        LoadedSink<?, ?> sink = LoadedSink.open(Implementation.adapter("reference"), 1);
        Object call = sink.anyCall();
        assertTrue(sink.deliverAll(call, List.of("a", "b", "c")));
        assertEquals(3, sink.objectsHeard());
        sink.cancel();
        assertFalse(sink.deliverAll(call, List.of("d")), "a cancelled call refuses the batch");
        sink.verifyAllCancelled();
    }
}
