package org.sinkcheck.reference;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * One generation of a sink's registry: the calls begun into it, in a chunked array of slots, with a
 * lock-free free list so that a long-lived sink reuses the slots of finished calls.
 *
 * <p>A generation is <em>open</em> while it is its sink's current registry and <em>closed</em> for
 * ever once {@code cancel()} swapped it out; closing is the sink's business, not this class's. This
 * class only stores: {@link #reserve} hands out a slot, {@link #publish} writes an element into it,
 * {@link #remove} clears it in O(1), and {@link #drain} visits and clears every element
 * published before it started (and maybe some published later).
 *
 * <p>Why this shape: a cancel of a million pending calls must cost about a loop over an array with one
 * CAS per call (issue 3). So the elements live in plain arrays of 256 slots, visited in index order;
 * there is no hashing and no per-element node, and neither the visit nor a removal allocates. The
 * chunk directory grows by doubling with a CAS that replaces the whole directory; the {@link Chunk}
 * objects are shared between the old and the new directory, so a slot write through either is the same
 * write. A chunk's arrays are allocated on first use, so a directory that doubled costs little.
 *
 * <p>The free list is a Treiber stack of slot indexes with no node per entry: the head is one
 * {@code long} (index + 1 in the low half, 0 for empty; a stamp bumped by every push and pop in the
 * high half, so that a pop whose head was popped and pushed back meanwhile fails its CAS instead of
 * installing a stale successor: the ABA problem, as long as fewer than 2<sup>32</sup> pushes and pops
 * happen during one pop), and each entry's successor lives in its chunk's {@code next} array. There is
 * no count of live elements on this path: {@link #size} counts the occupied slots.
 *
 * <p>Memory ordering. A slot is written with a volatile store and read by {@code drain} with a
 * volatile load: the caller's begin/cancel race is a Dekker pattern (begin: write slot, read the sink's
 * current generation; cancel: swap the current generation, read the slots), which needs both pairs in
 * the synchronization order. The clears in {@code remove} and {@code drain} are release stores: a
 * visitor that still reads the old element handles it by the element's own final state. A push writes
 * the successor with a plain store before its CAS of the head, which publishes it to the pop that reads
 * that head; a pop that reads a successor written later fails its CAS on the stamp.
 *
 * @param <E> the element type (the sink's call)
 */
final class Registry<E> {
    private static final int CHUNK_SHIFT = 8;
    private static final int CHUNK = 1 << CHUNK_SHIFT;
    private static final int MASK = CHUNK - 1;
    private static final long EMPTY = 0L;
    private static final long STAMP = 1L << 32;
    private static final Chunk[] NO_CHUNKS = new Chunk[0];
    /** The directory of a drained generation: it never grows again, so a stale handle reaches no slots. */
    private static final Chunk[] DRAINED = new Chunk[0];

    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);
    private static final VarHandle DIRECTORY;
    private static final VarHandle RESERVED;
    private static final VarHandle FREE;
    private static final VarHandle SLOTS;
    private static final VarHandle NEXT;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            DIRECTORY = lookup.findVarHandle(Registry.class, "directory", Chunk[].class);
            RESERVED = lookup.findVarHandle(Registry.class, "reserved", int.class);
            FREE = lookup.findVarHandle(Registry.class, "free", long.class);
            SLOTS = lookup.findVarHandle(Chunk.class, "slots", Object[].class);
            NEXT = lookup.findVarHandle(Chunk.class, "next", int[].class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * 256 slots and, once one of them was freed, their free-list successors. Both arrays are installed
     * by CAS on first use: every directory that holds this chunk then sees them.
     */
    private static final class Chunk {
        @SuppressWarnings("unused") // accessed through SLOTS
        volatile Object[] slots;
        @SuppressWarnings("unused") // accessed through NEXT
        volatile int[] next;

        Object[] slots() {
            Object[] s = (Object[]) SLOTS.getVolatile(this);
            if (s != null) return s;
            SLOTS.compareAndSet(this, null, new Object[CHUNK]);
            return (Object[]) SLOTS.getVolatile(this);
        }

        int[] next() {
            int[] n = (int[]) NEXT.getVolatile(this);
            if (n != null) return n;
            NEXT.compareAndSet(this, null, new int[CHUNK]);
            return (int[]) NEXT.getVolatile(this);
        }
    }

    /** The sink this generation belongs to: its calls reach their sink through it (SC-14's ownership test). */
    final Object owner;
    /** The chunks, never holding null; replaced as a whole to grow. An idle generation allocates none. */
    @SuppressWarnings("unused") // accessed through DIRECTORY
    private volatile Chunk[] directory = NO_CHUNKS;
    /** High-water mark of slot indexes ever handed out; drain visits below it. */
    @SuppressWarnings("unused") // accessed through RESERVED
    private int reserved;
    /** The free list's head: stamp in the high half, top index + 1 in the low half (0: empty). */
    @SuppressWarnings("unused") // accessed through FREE
    private long free;

    Registry(Object owner) {
        this.owner = owner;
    }

    /** A free slot's index, for one {@link #publish} and later one {@link #remove}. */
    int reserve() {
        for (;;) {
            long head = (long) FREE.getVolatile(this);
            int top = (int) head - 1;
            if (top < 0) return (int) RESERVED.getAndAdd(this, 1);
            Chunk chunk = chunk(top);
            if (chunk == null) return (int) RESERVED.getAndAdd(this, 1); // drained: any index will do
            long successor = chunk.next()[top & MASK] & 0xFFFF_FFFFL;
            if (FREE.compareAndSet(this, head, (head & -STAMP) + STAMP | successor)) return top;
        }
    }

    /** Publishes {@code element} into the slot {@code index} that {@link #reserve} returned. */
    void publish(int index, E element) {
        Chunk chunk = chunk(index);
        // A drained generation is closed: the publisher's own re-check sees that and ends the element.
        if (chunk != null) SLOT.setVolatile(chunk.slots(), index & MASK, element);
    }

    /**
     * Unlinks the element at {@code index} (as {@code reserve} returned it) in O(1); the slot is reused.
     * A no-op once the generation is drained: its slots are gone.
     */
    void remove(int index) {
        Chunk chunk = chunk(index);
        if (chunk == null) return;
        SLOT.setRelease(chunk.slots(), index & MASK, null);
        int[] next = chunk.next();
        long head;
        do {
            head = (long) FREE.getVolatile(this);
            next[index & MASK] = (int) head;
        } while (!FREE.compareAndSet(this, head, (head & -STAMP) + STAMP | (index + 1L)));
    }

    /**
     * The number of elements published and not removed, by a scan of the slots: O(capacity), for
     * observers, not for the hot path. Exact when no publish, remove or drain is in progress.
     */
    int size() {
        int end = (int) RESERVED.getVolatile(this);
        int count = 0;
        for (Chunk chunk : (Chunk[]) DIRECTORY.getVolatile(this)) {
            Object[] slots = (Object[]) SLOTS.getVolatile(chunk);
            if (slots == null) continue;
            for (int i = 0; i < CHUNK && i < end; i++) if (SLOT.getAcquire(slots, i) != null) count++;
            end -= CHUNK;
        }
        return count;
    }

    /**
     * Visits and clears, in index order, every slot published before this call began; slots published
     * during the visit may or may not be visited. For a closed generation only: a cleared slot is not
     * put back on the free list (nothing will be published into this generation for long). Afterwards
     * the generation drops its chunks and free list and never grows again: a stale handle, which still
     * references its generation, then keeps neither the generation's other calls nor its slot arrays
     * reachable (SC-13). Allocates nothing.
     */
    @SuppressWarnings("unchecked")
    void drain(Consumer<? super E> visitor) {
        int end = (int) RESERVED.getVolatile(this);
        Chunk[] chunks = (Chunk[]) DIRECTORY.getVolatile(this);
        // A slot reserved but not in the directory (or a chunk without slots) we read belongs to a
        // publish that comes after this read, hence after the caller's close: that publisher's own
        // re-check sees the close.
        int chunkEnd = Math.min(chunks.length, (end + MASK) >>> CHUNK_SHIFT);
        for (int c = 0; c < chunkEnd; c++) {
            Object[] slots = (Object[]) SLOTS.getVolatile(chunks[c]);
            if (slots == null) continue;
            int slotEnd = Math.min(CHUNK, end - (c << CHUNK_SHIFT));
            for (int i = 0; i < slotEnd; i++) {
                Object element = SLOT.getVolatile(slots, i);
                if (element != null) {
                    SLOT.setRelease(slots, i, null);
                    visitor.accept((E) element);
                }
            }
        }
        // A publish or remove that read the old directory writes into a chunk only it still reaches.
        DIRECTORY.setVolatile(this, DRAINED);
        FREE.setVolatile(this, EMPTY);
    }

    /**
     * The chunk holding {@code index}, growing the directory first if it does not reach it yet; null
     * once the generation is drained.
     */
    private Chunk chunk(int index) {
        int needed = (index >>> CHUNK_SHIFT) + 1;
        for (;;) {
            Chunk[] chunks = (Chunk[]) DIRECTORY.getVolatile(this);
            if (chunks == DRAINED) return null;
            if (chunks.length >= needed) return chunks[index >>> CHUNK_SHIFT];
            Chunk[] grown = Arrays.copyOf(chunks, Math.max(needed, chunks.length * 2));
            for (int c = chunks.length; c < grown.length; c++) grown[c] = new Chunk();
            DIRECTORY.compareAndSet(this, chunks, grown);
        }
    }
}
