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
 * only reads its call's state, lets the nested delivery through. And a batch falls back to one
 * delivery per object for an adapter without {@link BatchDelivery}.
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
        @SuppressWarnings("unchecked")
        BatchDelivery<Object, Object> batches = (BatchDelivery<Object, Object>) limit.adapter;
        assertTrue(batches.deliverAll(limit.sink, limit.call, List.of("a", "b", "c")));
        assertEquals(3, limit.objects);
        assertEquals(List.of(false, false, false), limit.nestedAccepted, "held for the whole batch");
        assertFalse(LoadedSink.batchesNatively(Implementation.adapter("reference")), "the reference has no batch yet");
        assertFalse(LoadedSink.batchesNatively(Implementation.adapter("rxjava")), "nor has a peer");
    }

    @Test
    void without_a_batch_method_a_batch_is_one_delivery_per_object() {
        LoadedSink<?, ?> sink = LoadedSink.open(Implementation.adapter("reference"), 1);
        Object call = sink.anyCall();
        assertTrue(sink.deliverAll(call, List.of("a", "b", "c")));
        assertEquals(3, sink.objectsHeard());
        sink.cancel();
        assertFalse(sink.deliverAll(call, List.of("d")), "a cancelled call refuses the batch");
        sink.verifyAllCancelled();
    }
}
