package org.sinkcheck.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One stripe shared by threads that claim and clear each other's elements: an element is always found
 * in its own slot when it is cleared (no slot holds two elements, none was overwritten), and the
 * capacity stays within the bound for the elements held at once (each thread holds at most two, and a
 * dozen are in transit), however the claims and clears interleave.
 */
class StripeTest {
    private static final int THREADS = 3;
    private static final int ROUNDS = 100_000;

    @Test
    @Timeout(60)
    void SC13_threadsClaimingAndClearingEachOthersSlots_neverShareOneAndStayBounded() throws InterruptedException {
        Registry<RegistryTest.Held> generation = new Registry<>(this, RegistryTest.Held::new, Registry.MAX_CHUNKS_PER_STRIPE, null);
        Stripe stripe = new Stripe(generation);
        ConcurrentLinkedQueue<RegistryTest.Held> handedOver = new ConcurrentLinkedQueue<>();
        AtomicReference<String> clash = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            threads.add(new Thread(() -> {
                for (int r = 0; r < ROUNDS && clash.get() == null; r++) {
                    RegistryTest.Held a = stripe.claim(RegistryTest.Held::new, r);
                    RegistryTest.Held b = stripe.claim(RegistryTest.Held::new, r);
                    release(b, clash);
                    handedOver.add(a);                          // cleared by whichever thread polls it
                    RegistryTest.Held other = handedOver.poll();
                    if (other != null) release(other, clash);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) thread.join();
        for (RegistryTest.Held left; (left = handedOver.poll()) != null; ) release(left, clash);
        assertEquals(null, clash.get());
        assertEquals(0, stripe.occupied());
        assertTrue(stripe.capacity() <= Chunk.SIZE, "capacity " + stripe.capacity() + " for a few dozen elements at once");
    }

    /** Clears {@code held}, which must still be in its own slot. */
    private static void release(RegistryTest.Held held, AtomicReference<String> clash) {
        Object[] slots = held.chunk().slotsIfAny();
        if (Chunk.SLOT.getVolatile(slots, held.index()) != held) clash.compareAndSet(null, "slot " + held.index() + " does not hold its element");
        held.clear();
    }
}
