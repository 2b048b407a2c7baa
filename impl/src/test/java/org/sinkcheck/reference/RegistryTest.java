package org.sinkcheck.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The registry's node-free free list under contention: no slot index is ever held by two owners at
 * once (what a lost or doubled push or pop would do; the ABA interleaving needs a preemption inside a
 * pop, which this test rarely provokes, so the stamp's argument is in Registry's overview), {@code size()}
 * is exact when quiet, and a drained generation ignores late removes and publishes.
 */
class RegistryTest {
    private static final int THREADS = 2;
    private static final int ROUNDS = 200_000;

    @Test
    @Timeout(60)
    void concurrentReserveAndRemoveNeverHandOneSlotToTwoOwners() throws InterruptedException {
        Registry<Object> registry = new Registry<>(this);
        AtomicIntegerArray owner = new AtomicIntegerArray(1 << 16);
        AtomicReference<String> clash = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 1; t <= THREADS; t++) {
            int id = t;
            threads.add(new Thread(() -> {
                for (int r = 0; r < ROUNDS && clash.get() == null; r++) {
                    int a = registry.reserve();
                    int b = registry.reserve(); // two held at once, so pops and pushes interleave deeply
                    for (int index : new int[] {a, b}) {
                        if (!owner.compareAndSet(index, 0, id)) clash.set("slot " + index + " handed out twice");
                        registry.publish(index, this);
                    }
                    for (int index : new int[] {b, a}) {
                        owner.set(index, 0);
                        registry.remove(index);
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) thread.join();
        assertEquals(null, clash.get());
        assertEquals(0, registry.size());
    }

    @Test
    void sizeCountsPublishedSlotsAndDrainDropsThem() {
        Registry<String> registry = new Registry<>(this);
        int first = registry.reserve();
        registry.publish(first, "a");
        int second = registry.reserve();
        registry.publish(second, "b");
        assertNotEquals(first, second);
        registry.remove(first);
        assertEquals(1, registry.size());
        assertEquals(first, registry.reserve(), "a freed slot is reused");

        List<String> visited = new ArrayList<>();
        registry.drain(visited::add);
        assertEquals(List.of("b"), visited);
        registry.publish(first, "late");  // a begin that lost the race with the close
        registry.remove(second);          // a stale handle's end
        assertEquals(0, registry.size());
    }
}
