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
 * CAS per call (issue 3). So the elements live in plain arrays of 256 slots (chunks), visited in index
 * order; there is no hashing and no per-element node, and the visit allocates nothing (only a removal
 * outside a cancel pushes a small free-list node). The chunk
 * directory grows by doubling with a CAS that replaces the whole directory; chunks are shared between
 * the old and the new directory, so a slot write through either is the same write.
 *
 * <p>Memory ordering. A slot is written with a volatile store and read by {@code drain} with a
 * volatile load: the caller's begin/cancel race is a Dekker pattern (begin: write slot, read the sink's
 * current generation; cancel: swap the current generation, read the slots), which needs both pairs in
 * the synchronization order. The clears in {@code remove} and {@code drain} are release stores: a
 * visitor that still reads the old element handles it by the element's own final state.
 * {@code reserved}, {@code live} and the free list are updated with atomic read-modify-writes.
 *
 * @param <E> the element type (the sink's call)
 */
final class Registry<E> {
    private static final int CHUNK_SHIFT = 8;
    private static final int CHUNK = 1 << CHUNK_SHIFT;
    private static final int MASK = CHUNK - 1;
    private static final Object[][] NO_CHUNKS = new Object[0][];
    /** The directory of a drained generation: it never grows again, so a stale handle reaches no slots. */
    private static final Object[][] DRAINED = new Object[0][];

    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);
    private static final VarHandle DIRECTORY;
    private static final VarHandle RESERVED;
    private static final VarHandle LIVE;
    private static final VarHandle FREE;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            DIRECTORY = lookup.findVarHandle(Registry.class, "directory", Object[][].class);
            RESERVED = lookup.findVarHandle(Registry.class, "reserved", int.class);
            LIVE = lookup.findVarHandle(Registry.class, "live", int.class);
            FREE = lookup.findVarHandle(Registry.class, "free", FreeSlot.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A slot index to reuse. A fresh node per push, so the Treiber stack below has no ABA problem. */
    private static final class FreeSlot {
        final int index;
        final FreeSlot next;

        FreeSlot(int index, FreeSlot next) {
            this.index = index;
            this.next = next;
        }
    }

    /** The chunks, never holding null; replaced as a whole to grow. An idle generation allocates none. */
    @SuppressWarnings("unused") // accessed through DIRECTORY
    private volatile Object[][] directory = NO_CHUNKS;
    /** High-water mark of slot indexes ever handed out; drain visits below it. */
    @SuppressWarnings("unused") // accessed through RESERVED
    private int reserved;
    /** Elements published and not yet removed: the sink's exact pendingCalls() when it is quiet (SC-13). */
    @SuppressWarnings("unused") // accessed through LIVE
    private int live;
    @SuppressWarnings("unused") // accessed through FREE
    private FreeSlot free;

    /** A free slot's index, for one {@link #publish} and later one {@link #remove}. */
    int reserve() {
        for (;;) {
            FreeSlot head = (FreeSlot) FREE.getVolatile(this);
            if (head == null) return (int) RESERVED.getAndAdd(this, 1);
            if (FREE.compareAndSet(this, head, head.next)) return head.index;
        }
    }

    /** Publishes {@code element} into the slot {@code index} that {@link #reserve} returned. */
    void publish(int index, E element) {
        LIVE.getAndAdd(this, 1);
        Object[] chunk = chunk(index);
        // A drained generation is closed: the publisher's own re-check sees that and ends the element.
        if (chunk != null) SLOT.setVolatile(chunk, index & MASK, element);
    }

    /**
     * Unlinks the element at {@code index} (as {@code reserve} returned it) in O(1); the slot is reused.
     * A no-op once the generation is drained: its slots are gone.
     */
    void remove(int index) {
        Object[] chunk = chunk(index);
        if (chunk == null) return;
        SLOT.setRelease(chunk, index & MASK, null);
        LIVE.getAndAdd(this, -1);
        FreeSlot head;
        do {
            head = (FreeSlot) FREE.getVolatile(this);
        } while (!FREE.compareAndSet(this, head, new FreeSlot(index, head)));
    }

    /** The number of elements published and not removed. Exact when no publish or remove is in progress. */
    int size() {
        return (int) LIVE.getVolatile(this);
    }

    /**
     * Visits and clears, in index order, every slot published before this call began; slots published
     * during the visit may or may not be visited. For a closed generation only: a cleared slot is not
     * put back on the free list (nothing will be published into this generation for long) and
     * {@link #size} is no longer kept. Afterwards the generation drops its chunks and free list and
     * never grows again: a stale handle, which still references its generation, then keeps neither the
     * generation's other calls nor its slot arrays reachable (SC-13). Allocates nothing.
     */
    @SuppressWarnings("unchecked")
    void drain(Consumer<? super E> visitor) {
        int end = (int) RESERVED.getVolatile(this);
        Object[][] chunks = (Object[][]) DIRECTORY.getVolatile(this);
        // A slot reserved but not in the directory we read belongs to a publish that comes after this
        // read, hence after the caller's close: that publisher's own re-check sees the close.
        int chunkEnd = Math.min(chunks.length, (end + MASK) >>> CHUNK_SHIFT);
        for (int c = 0; c < chunkEnd; c++) {
            Object[] chunk = chunks[c];
            int slotEnd = Math.min(CHUNK, end - (c << CHUNK_SHIFT));
            for (int i = 0; i < slotEnd; i++) {
                Object element = SLOT.getVolatile(chunk, i);
                if (element != null) {
                    SLOT.setRelease(chunk, i, null);
                    visitor.accept((E) element);
                }
            }
        }
        // A publish or remove that read the old directory writes into a chunk only it still reaches.
        DIRECTORY.setVolatile(this, DRAINED);
        FREE.setVolatile(this, null);
    }

    /**
     * The chunk holding {@code index}, growing the directory first if it does not reach it yet; null
     * once the generation is drained.
     */
    private Object[] chunk(int index) {
        int needed = (index >>> CHUNK_SHIFT) + 1;
        for (;;) {
            Object[][] chunks = (Object[][]) DIRECTORY.getVolatile(this);
            if (chunks == DRAINED) return null;
            if (chunks.length >= needed) return chunks[index >>> CHUNK_SHIFT];
            Object[][] grown = Arrays.copyOf(chunks, Math.max(needed, chunks.length * 2));
            for (int c = chunks.length; c < grown.length; c++) grown[c] = new Object[CHUNK];
            DIRECTORY.compareAndSet(this, chunks, grown);
        }
    }
}
