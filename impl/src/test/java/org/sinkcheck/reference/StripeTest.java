package org.sinkcheck.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A stripe's two free lists under contention: the owner's plain one and the shared Treiber stack that
 * other threads pop and push, and that the owner empties in one CAS when its own runs dry. No slot
 * index is ever held by two threads at once (what a lost or doubled push or pop, or a take-all racing a
 * pop, would do; the ABA interleaving needs a preemption inside a pop, which this test rarely provokes,
 * so the stamp's argument is in Stripe's overview), freed slots are reused (what a lost push breaks),
 * and {@code size()} is exact when quiet.
 */
class StripeTest {
    private static final int THREADS = 3; // the owner and two others
    private static final int ROUNDS = 100_000;
    /**
     * A bound on the slot indexes a correct stripe hands out here: at most a dozen are held or in transit
     * at once, and a thread makes a fresh index only when the list it pops is empty. A free list that
     * loses pushes makes fresh ones round after round, hundreds of thousands of them.
     */
    private static final int INDEX_BOUND = 1024;

    @Test
    @Timeout(60)
    void ownerAndOtherThreadsWithCrossFreesNeverHandOneSlotToTwoHolders() throws InterruptedException {
        AtomicReference<Stripe<Object>> stripe = new AtomicReference<>();
        AtomicIntegerArray holder = new AtomicIntegerArray(1 << 16);
        ConcurrentLinkedQueue<Integer> handedOver = new ConcurrentLinkedQueue<>();
        AtomicReference<String> clash = new AtomicReference<>();
        AtomicInteger highest = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 1; t <= THREADS; t++) {
            int id = t;
            threads.add(new Thread(() -> {
                for (int r = 0; r < ROUNDS && clash.get() == null; r++) {
                    int a = stripe.get().reserve(Thread.currentThread().getId());
                    int b = stripe.get().reserve(Thread.currentThread().getId()); // two held at once, so pops and pushes interleave deeply
                    for (int index : new int[] {a, b}) {
                        if (highest.accumulateAndGet(index, Math::max) >= INDEX_BOUND) clash.set("slot " + index + ": freed slots are not reused");
                        else if (!holder.compareAndSet(index, 0, id)) clash.set("slot " + index + " handed out twice");
                        stripe.get().publish(index, this);
                    }
                    release(stripe.get(), holder, b);
                    handedOver.add(a);                        // freed by whichever thread polls it:
                    Integer other = handedOver.poll();        // the owner's slots go to the shared list
                    if (other != null) release(stripe.get(), holder, other);
                }
            }));
        }
        stripe.set(new Stripe<>(threads.get(0).getId()));
        threads.forEach(Thread::start);
        for (Thread thread : threads) thread.join();
        for (Integer left; (left = handedOver.poll()) != null; ) release(stripe.get(), holder, left);
        assertEquals(null, clash.get());
        assertEquals(0, stripe.get().size());
        System.out.printf("StripeTest: %d rounds on each of %d threads used slot indexes 0..%d%n", ROUNDS, THREADS, highest.get());
    }

    @Test
    void theOwnerReusesSlotsThatOtherThreadsFreed() throws InterruptedException {
        Stripe<String> stripe = new Stripe<>(Thread.currentThread().getId());
        int first = stripe.reserve(Thread.currentThread().getId());
        stripe.publish(first, "a");
        Thread other = new Thread(() -> stripe.remove(first));
        other.start();
        other.join();
        assertEquals(0, stripe.size());
        assertEquals(first, stripe.reserve(Thread.currentThread().getId()), "the owner takes the shared list once its own is empty");
    }

    private static void release(Stripe<Object> stripe, AtomicIntegerArray holder, int index) {
        holder.set(index, 0);
        stripe.remove(index);
    }
}
