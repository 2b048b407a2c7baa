package org.sinkcheck.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A generation across its stripes: {@code size()} is exact when quiet, a freed slot is reused, and a
 * drained generation visits every published element once and then ignores late removes and publishes,
 * including into a stripe nobody had used (the free lists under contention: {@link StripeTest}).
 */
class RegistryTest {
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

    @Test
    void drainVisitsEveryStripeAndALateBeginIntoAnUnusedStripeStoresNothing() throws InterruptedException {
        Registry<String> registry = new Registry<>(this);
        registry.publish(registry.reserve(), "here");
        onThreadOfAnotherStripe(() -> registry.publish(registry.reserve(), "there"));
        assertEquals(2, registry.size());

        List<String> visited = new ArrayList<>();
        registry.drain(visited::add);
        assertEquals(List.of("here", "there"), visited.stream().sorted().toList());
        onThreadOfAnotherStripe(() -> registry.publish(registry.reserve(), "late")); // lost the race with the close
        assertEquals(0, registry.size());
    }

    /** Runs {@code task} on a new thread whose id puts it on another stripe than the calling thread. */
    private static void onThreadOfAnotherStripe(Runnable task) throws InterruptedException {
        long mine = Thread.currentThread().getId() & (Registry.STRIPES - 1);
        Thread thread;
        do {
            thread = new Thread(task); // ids are handed out in order; a few tries find another stripe
        } while ((thread.getId() & (Registry.STRIPES - 1)) == mine);
        thread.start();
        thread.join();
    }
}
