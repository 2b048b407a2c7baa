package org.sinkcheck.algo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sinkcheck.tlc.Tlc;
import org.sinkcheck.tlc.TlcResult;
import org.sinkcheck.tlc.TlcRun;

/**
 * TLC model-checks the reference sink's slot allocator (SlotAllocator.tla) at the CI bounds inside
 * {@code mvn verify} — no slot held by two calls, the drain visits every live call, the capacity
 * bound — and each broken variant in spec/tla/broken/alloc fails on the invariant it breaks, with a
 * counterexample of numbered steps printed to the build log.
 */
@Timeout(300)
class SlotAllocatorTlcTest {

    @Test
    void SC01_SC13_noSlotHeldTwiceTheDrainVisitsEveryLiveCallAndTheCapacityStaysBounded() {
        TlcResult result = Tlc.check(TlcRun.of("SlotAllocator", "SlotAllocator.cfg"));
        System.out.println(result.report());
        assertTrue(result.passed(), () -> result.report() + "\n" + result.log());
        assertTrue(result.distinctStates() >= 90_000, () -> "explored only " + result.distinctStates());
    }

    /** {@code variant} with its broken configuration (no symmetry: it may single out a thread; no TypeOK: it may add a step). */
    private static void caught(String variant, String invariant) {
        caught(TlcRun.of("broken/alloc/" + variant, "broken/alloc/SlotAllocatorBroken.cfg"), invariant);
    }

    private static void caught(TlcRun run, String invariant) {
        TlcResult result = Tlc.check(run);
        String variant = run.module();
        System.out.println(result.report());
        assertFalse(result.passed(), () -> variant + " passed TLC:\n" + result.log());
        assertEquals(Optional.of(invariant), result.violatedName(), result::report);
        assertTrue(result.readableCounterexample().startsWith("1. "), result::report);
    }

    @Test
    void SC13_anOwnerThatKeepsTheSlotsItFreesGrowsTheStripeWithOneCallPending() {
        caught("SlotAllocatorOwnerKeepsForeignSlots", "CapacityBound");
    }

    @Test
    void SC01_SC03_SC10_SC13_twoThreadsOnAPlainClaimPathHandOneSlotToTwoCalls() {
        caught("SlotAllocatorPlainClaim", "NoSlotHeldTwice");
    }

    @Test
    void SC13_growingAfterOneProbeInsteadOfADoubleCollectGrowsWithOneCallPending() {
        // symmetric, and no new step: the CI configuration itself, with the broken specification
        caught(TlcRun.of("broken/alloc/SlotAllocatorSingleCollect", "SlotAllocator.cfg").withSpecification("BrokenSpec"), "CapacityBound");
    }
}
