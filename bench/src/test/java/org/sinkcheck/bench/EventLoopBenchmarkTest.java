package org.sinkcheck.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Control;
import org.sinkcheck.bench.report.BenchReport;
import org.sinkcheck.bench.report.Footprint;
import org.sinkcheck.kit.SinkAdapter;

/** The event-loop shapes' hand-off and after-run check, driven by hand on one thread. */
public class EventLoopBenchmarkTest {

    private static EventLoopBenchmark.Handoff handoff(String impl) {
        EventLoopBenchmark.Handoff handoff = new EventLoopBenchmark.Handoff();
        handoff.impl = impl;
        handoff.open(BenchReport.EVENT_LOOP);
        return handoff;
    }

    @Test
    void the_queue_bounds_the_pending_calls_and_a_call_nobody_can_take_at_the_end_is_completed_where_it_was_begun() {
        EventLoopBenchmark.Handoff handoff = handoff("reference");
        Control control = new Control();
        for (int i = 0; i < EventLoopBenchmark.QUEUED; i++) handoff.handOff(handoff.sink.begin(), control);
        assertEquals(EventLoopBenchmark.QUEUED, handoff.sink.pendingCalls());

        control.stopMeasurement = true; // the queue is full and the measurement is over
        handoff.handOff(handoff.sink.begin(), control);
        assertEquals(EventLoopBenchmark.QUEUED, handoff.sink.pendingCalls(), "the extra call was completed, not queued");

        for (int i = 0; i < EventLoopBenchmark.QUEUED; i++) assertTrue(handoff.completeNext(control));
        assertFalse(handoff.completeNext(control), "an empty queue after the measurement ends the wait");
        Footprint footprint = handoff.footprint(BenchReport.EVENT_LOOP);
        assertEquals(0, handoff.sink.pendingCalls());
        assertTrue(footprint.retainedBytes() > 0, footprint.toString());
        assertEquals("reference", footprint.impl());
        // 256 calls begun on this one thread, so in one stripe: one chunk held them, and a second may have
        // been added only if a double collect saw all 256 occupied (the bound: max(256, 2 x peak)).
        long slots = footprint.highWaterMark();
        assertTrue(slots == 256 || slots == 512, footprint.toString());
    }

    @Test
    void after_the_run_queued_calls_are_completed_and_a_sink_that_keeps_a_completed_call_fails_the_run() {
        EventLoopBenchmark.Handoff good = handoff("concurrent-set");
        Control control = new Control();
        for (int i = 0; i < 10; i++) good.handOff(good.sink.begin(), control);
        assertEquals(null, good.footprint(BenchReport.EVENT_LOOP).highWaterMark(), "a peer exposes no registry");

        EventLoopBenchmark.Handoff broken = handoff(KeepsACompletedCall.class.getName());
        broken.handOff(broken.sink.begin(), control);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> broken.footprint(BenchReport.EVENT_LOOP));
        assertTrue(e.getMessage().endsWith(": 1 calls still referenced after every call was completed"), e.getMessage());
    }

    @Test
    void the_limit_is_no_sink_for_the_shapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> handoff("limit"));
        assertEquals("bench: 'limit' lacks THREAD_SAFE, needed by the event-loop shapes", e.getMessage());
    }

    /** A broken sink: it reports one call more than it holds, as a sink that keeps a completed call does. */
    public static final class KeepsACompletedCall extends Forwarding<Object, Object> {
        @SuppressWarnings("unchecked")
        public KeepsACompletedCall() { super((SinkAdapter<Object, Object>) Implementation.adapter("concurrent-set")); }

        @Override public int pendingCalls(Object sink) { return real.pendingCalls(sink) + 1; }
    }
}
