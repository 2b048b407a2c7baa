package org.sinkcheck.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sinkcheck.bench.report.MemoryFigures;

/** The memory probe measures structure, not noise: a richer registry costs measurably more per call. */
class MemoryProbeTest {

    @Test
    void a_child_job_per_call_costs_more_than_one_disposable_in_a_hash_set() {
        double rx = MemoryProbe.measure(Implementation.adapter("rxjava"), 2_000).bytesPerPendingCall();
        double coroutines = MemoryProbe.measure(Implementation.adapter("coroutines"), 2_000).bytesPerPendingCall();
        // A PeerCall alone is at least 16 bytes on any 64-bit HotSpot; a child Job adds its own nodes.
        assertTrue(rx >= 16, "rxjava " + rx);
        assertTrue(coroutines > rx + 16, "coroutines " + coroutines + " vs rxjava " + rx);
    }

    @Test
    void the_probe_is_the_same_for_the_same_structure() {
        MemoryFigures first = MemoryProbe.measure(Implementation.adapter("synchronized-set"), 1_000);
        MemoryFigures second = MemoryProbe.measure(Implementation.adapter("synchronized-set"), 1_000);
        assertEquals(first.bytesPerPendingCall(), second.bytesPerPendingCall());
        assertEquals(first.staleHandleReachBytes(), second.staleHandleReachBytes());
    }

    @Test
    void the_limit_allocates_nothing_per_cancelled_call_and_its_stale_handle_reaches_only_itself() {
        MemoryFigures limit = MemoryProbe.measure(Implementation.adapter("limit"), 5_000);
        assertTrue(limit.cancelBytesPerCall() < 1, "limit allocates " + limit.cancelBytesPerCall() + " bytes per cancelled call");
        // The call, its shared context and its listener: a few hundred bytes at most, whatever N was.
        assertTrue(limit.staleHandleReachBytes() < 1_000, "stale limit handle reaches " + limit.staleHandleReachBytes());
    }

    @Test
    void it_needs_at_least_one_call() {
        assertThrows(IllegalArgumentException.class, () -> MemoryProbe.measure(Implementation.adapter("reference"), 0));
    }
}
