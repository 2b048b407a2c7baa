package org.sinkcheck.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sinkcheck.kit.Capability;
import org.sinkcheck.kit.Events;
import org.sinkcheck.kit.SinkAdapter;
import org.sinkcheck.reference.adapter.ReferenceSinkAdapter;
import org.sinkcheck.reference.ReferenceSink;
import org.sinkcheck.sink.CallHandle;

/**
 * The batch race ({@code SC04_BatchVsCancel}) grades by rule: its steps played on one thread, with the
 * cancel coming from inside the first object's callback, give the story the race allows on the
 * reference sink, and SC-04 on a batch that checks the call once and then runs every callback.
 */
class BatchGradingTest {

    @Test
    void SC04_SC16_aCancelBetweenTheObjectsOfABatchEndsItOnTheReferenceAndABatchWithoutARecheckIsGradedSC04() {
        Race reference = new Race(adapter(new ReferenceSinkAdapter()), 1);
        RaceCall a1 = reference.pendingCall("a1", 0);
        reference.cancelFromInsideObjectCallbackOf(a1);
        assertEquals(false, reference.deliverAll(a1), "cut short: refused");
        assertEquals("a1:object+cancelled", reference.endState());

        Race broken = new Race(new CheckOnce(), 1);
        RaceCall b1 = broken.pendingCall("a1", 0);
        broken.cancelFromInsideObjectCallbackOf(b1);
        broken.deliverAll(b1);
        String outcome = broken.endState();
        assertTrue(outcome.startsWith("SC-04:a1:object-after-cancelled"), outcome);
    }

    @SuppressWarnings("unchecked")
    private static SinkAdapter<Object, Object> adapter(SinkAdapter<?, ?> adapter) {
        return (SinkAdapter<Object, Object>) adapter;
    }

    /** The reference sink with a broken batch: one delivery for the first object, the rest straight to the listener. */
    private static final class CheckOnce implements SinkAdapter<Object, Object> {
        private final ReferenceSinkAdapter reference = new ReferenceSinkAdapter();
        private Events events;
        /** The context of the one call the race begins. */
        private Object context;

        @Override public Set<Capability> capabilities() { return reference.capabilities(); }

        @Override public Object newSink(Events events) {
            this.events = events;
            return reference.newSink(events);
        }

        @Override public Object begin(Object sink, Object context) {
            this.context = context;
            return reference.begin(sink(sink), context);
        }

        @Override public boolean deliver(Object sink, Object call, Object object) {
            return reference.deliver(sink(sink), (CallHandle) call, object);
        }

        @Override public boolean deliverAll(Object sink, Object call, List<?> objects) {
            if (!deliver(sink, call, objects.get(0))) return false;
            for (Object object : objects.subList(1, objects.size())) events.object(context, object);
            return true;
        }

        @Override public boolean complete(Object sink, Object call) { return reference.complete(sink(sink), (CallHandle) call); }

        @Override public void cancel(Object sink) { reference.cancel(sink(sink)); }

        @Override public int pendingCalls(Object sink) { return reference.pendingCalls(sink(sink)); }

        @Override public boolean providerSeesCancelled(Object sink, Object call) { return ((CallHandle) call).isCancelled(); }

        @SuppressWarnings("unchecked")
        private static ReferenceSink<Object> sink(Object sink) { return (ReferenceSink<Object>) sink; }

        @Override public String name() { return "check-once"; }
    }
}
