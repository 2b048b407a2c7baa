package org.sinkcheck.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A generation across its stripes, on one thread: a claim stores into a free slot and a clear frees it
 * for the next claim; a stripe doubles only when every slot is occupied; a refused claim stores
 * nothing; a drained generation visits every element once and then stores nothing more, also into a
 * stripe nobody had used (the concurrent shapes: {@link AllocatorShapesTest}, {@link StripeTest}).
 */
class RegistryTest {
    /** What a registry stores in the tests: it knows its slot, as the sink's call does. */
    record Held(Chunk chunk, int index, Object context) {
        void clear() { chunk.clear(index); }
    }

    private static Registry<Held> registry(int maxChunksPerStripe) {
        return new Registry<>(RegistryTest.class, Held::new, maxChunksPerStripe, null);
    }

    private static int capacity(Registry<Held> registry) {
        return IntStream.of(registry.capacities()).sum();
    }

    @Test
    void aClearedSlotIsClaimedAgainAndSizeCountsTheOccupiedOnes() {
        Registry<Held> registry = registry(Registry.MAX_CHUNKS_PER_STRIPE);
        Held a = registry.claim("a");
        Held b = registry.claim("b");
        assertNotSame(a.chunk(), null);
        assertTrue(a.index() != b.index() || a.chunk() != b.chunk());
        b.clear();
        assertEquals(1, registry.size());
        Held c = registry.claim("c");
        assertEquals(b.index(), c.index(), "the slot just freed is claimed again");
        assertEquals(2, registry.size());
    }

    @Test
    void SC13_aStripeDoublesOnlyWhenEverySlotIsOccupied() {
        Registry<Held> registry = registry(Registry.MAX_CHUNKS_PER_STRIPE);
        List<Held> held = new ArrayList<>();
        for (int i = 0; i < Chunk.SIZE; i++) held.add(registry.claim(i));
        assertEquals(Chunk.SIZE, capacity(registry));
        held.get(100).clear();
        held.set(100, registry.claim("again"));
        assertEquals(Chunk.SIZE, capacity(registry), "a stripe with a free slot does not grow");
        held.add(registry.claim("one more"));
        assertEquals(2 * Chunk.SIZE, capacity(registry), "a full stripe doubles");
        for (Held h : held) h.clear();
        for (int i = 0; i < 10 * Chunk.SIZE; i++) registry.claim(i).clear();
        assertEquals(2 * Chunk.SIZE, capacity(registry), "claims and clears in turn reuse the slots");
        assertEquals(0, registry.size());
    }

    @Test
    void SC13_aRefusedClaimSaysWhyInOneLineAndStoresNothing() {
        Registry<Held> registry = registry(1);
        List<Held> held = new ArrayList<>();
        for (int i = 0; i < Chunk.SIZE; i++) held.add(registry.claim(i));
        for (int attempt = 0; attempt < 3; attempt++) {
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> registry.claim("too many"));
            assertFalse(refused.getMessage().contains("\n"), refused.getMessage());
            assertTrue(refused.getMessage().contains("256 slots"), refused.getMessage());
        }
        assertEquals(Chunk.SIZE, registry.size());
        assertEquals(Chunk.SIZE, capacity(registry));
        held.get(7).clear();
        assertEquals(7, registry.claim("fits again").index(), "the freed slot, and no other, is free");
    }

    @Test
    void aDrainVisitsEveryElementOnceAndALateClaimOrClearStoresNothing() throws InterruptedException {
        Registry<Held> registry = registry(Registry.MAX_CHUNKS_PER_STRIPE);
        Held here = registry.claim("here");
        Held[] there = new Held[1];
        onThreadOfAnotherStripe(() -> there[0] = registry.claim("there"));
        assertEquals(2, registry.size());

        List<Object> visited = new ArrayList<>();
        assertTrue(registry.close());                                   // as the sink's cancel does, first
        registry.drain(h -> visited.add(h.context()));
        assertEquals(List.of("here", "there"), visited.stream().sorted().toList());
        assertTrue(registry.drained());
        here.clear();                                                   // a stale handle's end
        Held late = registry.claim("late");                             // a begin that lost the race with the close
        onThreadOfAnotherStripe(() -> registry.claim("late there"));  // ... into a stripe nobody had used
        late.clear();
        assertEquals(0, registry.size());
        assertEquals(0, capacity(registry), "a drained generation holds no slots");
        assertEquals(0, there[0].chunk().occupied(Chunk.SIZE), "a stale handle's chunk keeps no element reachable");
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
