package org.sinkcheck.reference;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * One stripe of a {@link Registry} generation: a directory of {@link Chunk}s whose slots are claimed
 * by CAS and cleared by their own element. No owner, no free list, no thread identity.
 *
 * <h2>Implementation notes</h2>
 *
 * <p><b>Claim.</b> {@link #claim} probes the slots from {@link #hint} (where the last claim landed)
 * round the whole directory, and claims the first empty one with one CAS from null to the new
 * element: that CAS both reserves the slot and publishes the element (the begin's half of the Dekker
 * pair with cancel, see {@link Registry}). A slot is freed by its element's {@link Chunk#clear}, a
 * release store of null, on whichever thread ends the call; any thread's next probe may take it. So a
 * thread that begins and ends its own calls reuses one slot, a thread that only begins while another
 * only ends (an event loop) finds the oldest slot free right after its last claim, and a slot index
 * never passes through a list that one thread could keep to itself (the earlier allocator's unbounded growth) or
 * that two threads could pop with plain accesses (its duplicate slot).
 *
 * <p><b>Growth, and its bound.</b> A probe that found every slot occupied does not grow the stripe
 * yet: the occupants it saw were read at different times, so the stripe may never have been full at
 * once (a thread that ends one call and begins the next just ahead of the probe could make it look
 * full for ever with two calls pending). {@link #grow} first proves fullness with a <em>double
 * collect</em>: it reads every slot into a snapshot, then reads every slot again; if each holds the
 * same element both times, each was occupied from its first read to its second, so at the instant
 * between the two passes all of them were occupied at once (an element is stored into a slot once and
 * never again, so "the same element" cannot be an ABA). Only then does it double the directory. Hence
 * the invariant, per stripe and generation, under every interleaving:
 * <pre>
 *   capacity &lt;= max(256, 2 * peak)     peak: the most elements ever stored in the stripe at one instant
 * </pre>
 * and the slot arrays allocated are at most the capacity. An empty slot seen on either pass is claimed
 * by the caller's next probe instead. TLC checks this bound, the claim and the drain in
 * {@code spec/tla/SlotAllocator.tla}.
 *
 * <p><b>Capacity limit.</b> At most {@link Registry#maxChunksPerStripe} chunks (by default 2<sup>22</sup>,
 * i.e. 2<sup>30</sup> slots), whatever the number of processors or stripes. A begin that would need
 * more is refused with one line, before anything was stored.
 *
 * <p><b>Memory ordering.</b> {@code directory} is volatile and replaced as a whole by CAS to grow; the
 * chunks are shared between the old and the grown directory, so a slot written through either is the
 * same slot. A grower's CAS precedes its claim, which precedes its begin's re-read of the sink's
 * current generation; the drain reads the directory after the close: the same Dekker pair as a slot's,
 * so a drain that read the old directory misses only elements whose begin sees the close.
 * {@code hint} is a plain int: only a starting point, any value is safe (it is bounded before use).
 * {@code frontier} (one past the highest slot ever claimed) is volatile and only raised, by CAS, after
 * the claim and before its begin's re-check: the drain reads it after the directory and visits no slot
 * above it, so a small stripe costs a small drain; a claim above the frontier the drain read is, again,
 * one whose begin sees the close.
 */
final class Stripe {
    /** The directory of a drained stripe: no chunk is reachable or added any more. */
    /**
     * The earlier allocator's plain-path bug, for trace validation's teeth only: the claim as a plain read
     * and a plain write instead of one CAS, so that two threads on one stripe can both find a slot empty
     * and both store into it (SlotAllocatorPlainClaim.tla). Off unless the JVM runs with
     * {@code -Dsinkcheck.reference.brokenPlainClaim=true}; a static final like StepLog.ON, so the JIT
     * folds the branch and compiled code is the CAS alone (StepLog's notes).
     */
    static final boolean PLAIN_CLAIM = Boolean.getBoolean("sinkcheck.reference.brokenPlainClaim");
    private static final Chunk[] DRAINED = new Chunk[0];
    private static final VarHandle DIRECTORY = VarHandles.field(MethodHandles.lookup(), Stripe.class, "directory", Chunk[].class);
    private static final VarHandle FRONTIER = VarHandles.field(MethodHandles.lookup(), Stripe.class, "frontier", int.class);

    private final Registry<?> generation;
    @SuppressWarnings("unused") // accessed through DIRECTORY
    private volatile Chunk[] directory;
    /** Where the last claim landed: a starting point only. */
    private int hint;
    /** One past the highest slot ever claimed: the drain and the count read no slot above it. */
    @SuppressWarnings("unused") // accessed through FRONTIER
    private volatile int frontier;

    Stripe(Registry<?> generation) {
        this.generation = generation;
        DIRECTORY.set(this, new Chunk[] {new Chunk(generation)}); // published with the stripe (Registry installs it by CAS)
    }

    /**
     * Stores a new element, made by {@code factory} for the slot it will occupy, into an empty slot, and
     * returns it; null if the stripe is drained (nothing is stored any more).
     *
     * @throws IllegalStateException if every slot is occupied and the stripe is at its capacity limit
     */
    <E> E claim(Registry.Factory<E> factory, Object context) {
        for (;;) {
            Chunk[] chunks = directory();
            if (chunks == DRAINED) return null;
            int capacity = chunks.length << Chunk.SHIFT;
            int start = hint;
            if (start < 0 || start >= capacity) start = 0;
            int i = start;
            do {
                Chunk chunk = chunks[i >>> Chunk.SHIFT];
                Object[] slots = chunk.slotsForClaim();
                if (slots == Chunk.DRAINED) return null;
                int j = i & Chunk.MASK;
                if (Chunk.SLOT.getAcquire(slots, j) == null) {
                    E element = factory.make(chunk, j, context);
                    if (PLAIN_CLAIM ? plainStore(slots, j, element) : Chunk.SLOT.compareAndSet(slots, j, null, element)) {
                        if (i != start) hint = i;
                        if (i >= (int) FRONTIER.getVolatile(this)) raiseFrontier(i + 1);
                        return element;
                    }
                }
                if (++i == capacity) i = 0;
            } while (i != start);
            grow(chunks);
        }
    }

    /** The broken claim ({@link #PLAIN_CLAIM}): stores over whatever another thread stored since the read. */
    private static boolean plainStore(Object[] slots, int j, Object element) {
        Chunk.SLOT.set(slots, j, element);
        return true;
    }

    /**
     * Doubles {@code chunks} if a double collect proves all its slots were occupied at one instant;
     * otherwise returns at once (an empty slot was seen, or an occupant changed: the caller probes again).
     * Allocates the snapshot and the new chunks before anything is stored, so a failure leaks nothing.
     */
    private void grow(Chunk[] chunks) {
        int capacity = chunks.length << Chunk.SHIFT;
        Object[] seen = new Object[capacity];
        for (int i = 0; i < capacity; i++) {
            Object[] slots = chunks[i >>> Chunk.SHIFT].slotsIfAny();
            if (slots == null || slots == Chunk.DRAINED) return; // unused (empty slots) or drained: probe again
            Object element = Chunk.SLOT.getVolatile(slots, i & Chunk.MASK);
            if (element == null) return;
            seen[i] = element;
        }
        for (int i = 0; i < capacity; i++) {
            Object[] slots = chunks[i >>> Chunk.SHIFT].slotsIfAny();
            if (slots.length == 0 || Chunk.SLOT.getVolatile(slots, i & Chunk.MASK) != seen[i]) return;
        }
        // Every slot held the same element on both passes: all were occupied at once, between them.
        int limit = generation.maxChunksPerStripe;
        if (chunks.length >= limit) {
            throw new IllegalStateException("sink: begin refused: all " + capacity + " slots of this thread's registry stripe"
                    + " hold pending calls (at most " + limit + " chunks of " + Chunk.SIZE + " per stripe)");
        }
        Chunk[] grown = Arrays.copyOf(chunks, Math.min(limit, chunks.length * 2));
        for (int c = chunks.length; c < grown.length; c++) grown[c] = new Chunk(generation);
        DIRECTORY.compareAndSet(this, chunks, grown); // lost to another grower or to the drain: probe again
    }

    /** After a claim at {@code end - 1}, before its begin re-checks the close: a monotonic maximum. */
    private void raiseFrontier(int end) {
        for (int f; (f = (int) FRONTIER.getVolatile(this)) < end; ) {
            if (FRONTIER.compareAndSet(this, f, end)) return;
        }
    }

    /**
     * One past the highest slot ever claimed, read after {@link #directory()}: a claim above it that the
     * caller's read missed is followed by its begin's re-check, which then sees the close.
     */
    int frontier() {
        return (int) FRONTIER.getVolatile(this);
    }

    /** The chunks; {@link #DRAINED} (empty) once drained. */
    Chunk[] directory() {
        return (Chunk[]) DIRECTORY.getVolatile(this);
    }

    /** After a drain visited every chunk: the stripe forgets them and never grows again. */
    void drop() {
        DIRECTORY.setRelease(this, DRAINED); // as Chunk.drop: a claim that misses it is a begin that sees the close
    }

    /** Slots this stripe can hold now (its capacity, 0 once drained): the allocator's high-water mark. */
    int capacity() {
        return directory().length << Chunk.SHIFT;
    }

    /** Occupied slots, by a scan below the frontier, for observers. Exact when nothing is in progress. */
    int occupied() {
        Chunk[] chunks = directory();
        int end = Math.min(chunks.length << Chunk.SHIFT, frontier());
        int count = 0;
        for (int c = 0; c << Chunk.SHIFT < end; c++) count += chunks[c].occupied(end - (c << Chunk.SHIFT));
        return count;
    }
}
