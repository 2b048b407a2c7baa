package org.sinkcheck.bench;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The memory probe measures structure, not noise: a richer registry costs measurably more per call. */
class MemoryProbeTest {

    @Test
    void a_child_job_per_call_costs_more_than_one_disposable_in_a_hash_set() {
        double rx = MemoryProbe.bytesPerPendingCall(Implementation.adapter("rxjava"), 2_000);
        double coroutines = MemoryProbe.bytesPerPendingCall(Implementation.adapter("coroutines"), 2_000);
        // A PeerCall alone is at least 16 bytes on any 64-bit HotSpot; a child Job adds its own nodes.
        assertTrue(rx >= 16, "rxjava " + rx);
        assertTrue(coroutines > rx + 16, "coroutines " + coroutines + " vs rxjava " + rx);
    }

    @Test
    void the_probe_is_the_same_for_the_same_structure() {
        double first = MemoryProbe.bytesPerPendingCall(Implementation.adapter("synchronized-set"), 1_000);
        double second = MemoryProbe.bytesPerPendingCall(Implementation.adapter("synchronized-set"), 1_000);
        assertTrue(first == second, first + " vs " + second);
    }

    @Test
    void it_needs_at_least_one_call() {
        assertThrows(IllegalArgumentException.class, () -> MemoryProbe.bytesPerPendingCall(Implementation.adapter("reference"), 0));
    }
}
