package org.sinkcheck.reference;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * One stripe of a {@link Registry} generation: a chunked array of slots, with lock-free free lists so
 * that a long-lived sink reuses the slots of finished calls. {@link #reserve} hands out a slot,
 * {@link #publish} writes an element into it, {@link #remove} clears it in O(1), and {@link #drain}
 * visits every element published before it started (and maybe some published later), then drops them all.
 *
 * <p>Why this shape: a cancel of a million pending calls must cost about a loop over an array with one
 * CAS per call (issue 3). So the elements live in plain arrays of 256 slots, visited in index order;
 * there is no hashing and no per-element node, and neither the visit nor a removal allocates. The
 * chunk directory grows by doubling with a CAS that replaces the whole directory; the {@link Chunk}
 * objects are shared between the old and the new directory, so a slot write through either is the same
 * write. A chunk's arrays are allocated on first use, so a directory that doubled costs little.
 *
 * <p>Two free lists of slot indexes, neither with a node per entry; each entry's successor lives in its
 * chunk's {@code next} array. The <em>owner's</em> list belongs to the thread that created the stripe
 * (the one whose id selects it, see {@link Registry}): it pops and pushes it with plain accesses, so a
 * thread that begins and finishes its own calls does no atomic write here at all. The <em>shared</em>
 * list takes the slots other threads free; they pop it too, and the owner, once its own list is empty,
 * takes the whole shared list in one CAS. The shared list is a Treiber stack whose head is one
 * {@code long} (index + 1 in the low half, 0 for empty; a stamp bumped by every push, pop and take in
 * the high half, so that a pop whose head was popped and pushed back meanwhile fails its CAS instead of
 * installing a stale successor: the ABA problem, as long as fewer than 2<sup>32</sup> of them happen
 * during one pop). Thread ids are never reused, so after the owner ends its list is simply never used
 * again: the slots on it stay unused (bounded by what that thread had freed), and every other thread
 * goes on with the shared list and fresh indexes. There is no count of live elements on this path:
 * {@link #size} counts the occupied slots.
 *
 * <p>Memory ordering. A slot is written with a volatile store and read by {@code drain} with a
 * volatile load: the sink's begin/cancel race is a Dekker pattern (begin: write slot, read the sink's
 * current generation; cancel: swap the current generation, read the slots), which needs both pairs in
 * the synchronization order. The clear in {@code remove} is a release store: a drain that still reads
 * the old element handles it by the element's own final state. A push writes
 * the successor with a plain store before its CAS of the head, which publishes it to the pop that reads
 * that head; a pop that reads a successor written later fails its CAS on the stamp. The owner's list
 * needs no ordering: only its owner touches it, and a slot moves between threads only through the
 * shared list's CAS, or with its call, which begin hands to the provider.
 *
 * @param <E> the element type (the sink's call)
 */
final class Stripe<E> {
    private static final int CHUNK_SHIFT = 8;
    private static final int CHUNK = 1 << CHUNK_SHIFT;
    private static final int MASK = CHUNK - 1;
    private static final long EMPTY = 0L;
    private static final long STAMP = 1L << 32;
    private static final Chunk[] NO_CHUNKS = new Chunk[0];
    /** The directory of a drained stripe: it never grows again, so a stale handle reaches no slots. */
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
            DIRECTORY = lookup.findVarHandle(Stripe.class, "directory", Chunk[].class);
            RESERVED = lookup.findVarHandle(Stripe.class, "reserved", int.class);
            FREE = lookup.findVarHandle(Stripe.class, "free", long.class);
            SLOTS = lookup.findVarHandle(Chunk.class, "slots", Object[].class);
            NEXT = lookup.findVarHandle(Chunk.class, "next", int[].class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * A stripe that was drained before any thread used it: what a closed generation holds in place of
     * its unused stripes. Nothing writes it (see {@link #fresh}), so sharing it shares no state.
     */
    static final Stripe<Object> DRAINED_STRIPE = new Stripe<>(-1, DRAINED);

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

    /** The chunks, never holding null; replaced as a whole to grow. An unused stripe allocates none. */
    @SuppressWarnings("unused") // accessed through DIRECTORY
    private volatile Chunk[] directory;
    /** High-water mark of slot indexes ever handed out; drain visits below it. */
    @SuppressWarnings("unused") // accessed through RESERVED
    private int reserved;
    /** The shared free list's head: stamp in the high half, top index + 1 in the low half (0: empty). */
    @SuppressWarnings("unused") // accessed through FREE
    private long free;
    /** The id of the thread that created this stripe, its owner (ids are never reused); -1 for none. */
    private final long owner;
    /** The owner's own free list: top index + 1, 0 for empty. Plain: only the owner reads or writes it. */
    private int ownFree;

    /** A stripe owned by the thread with id {@code owner}. */
    Stripe(long owner) {
        this(owner, NO_CHUNKS);
    }

    private Stripe(long owner, Chunk[] directory) {
        this.owner = owner;
        DIRECTORY.set(this, directory); // published with the stripe (Registry installs it by CAS)
    }

    /**
     * A free slot's index for the thread with id {@code thread}, for one {@link #publish} and later one
     * {@link #remove}.
     */
    int reserve(long thread) {
        if (thread == owner) return reserveOwn();
        for (;;) {
            long head = (long) FREE.getVolatile(this);
            int top = (int) head - 1;
            if (top < 0) return fresh();
            Chunk chunk = chunk(top);
            if (chunk == null) return 0; // drained: any index will do, nothing is stored any more
            long successor = chunk.next()[top & MASK] & 0xFFFF_FFFFL;
            if (FREE.compareAndSet(this, head, (head & -STAMP) + STAMP | successor)) return top;
        }
    }

    /** The owner pops its own list with plain accesses; when that is empty, it takes the whole shared list. */
    private int reserveOwn() {
        int top = ownFree - 1;
        if (top < 0) {
            long head;
            do {
                head = (long) FREE.getVolatile(this);
                if ((int) head == 0) return fresh();
            } while (!FREE.compareAndSet(this, head, (head & -STAMP) + STAMP)); // empty, stamp bumped
            top = (int) head - 1;
        }
        Chunk chunk = chunk(top);
        if (chunk == null) return 0; // drained: any index will do, nothing is stored any more
        ownFree = chunk.next()[top & MASK];
        return top;
    }

    /** A never-used index; 0 once drained, so that {@link #DRAINED_STRIPE}, shared by all sinks, is never written. */
    private int fresh() {
        return DIRECTORY.getVolatile(this) == DRAINED ? 0 : (int) RESERVED.getAndAdd(this, 1);
    }

    /** Publishes {@code element} into the slot {@code index} that {@link #reserve} returned. */
    void publish(int index, E element) {
        Chunk chunk = chunk(index);
        // A drained generation is closed: the publisher's own re-check sees that and ends the element.
        if (chunk != null) SLOT.setVolatile(chunk.slots(), index & MASK, element);
    }

    /**
     * Unlinks the element at {@code index} (as {@code reserve} returned it) in O(1); the slot is reused.
     * A no-op once the stripe is drained: its slots are gone.
     */
    void remove(int index) {
        Chunk chunk = chunk(index);
        if (chunk == null) return;
        SLOT.setRelease(chunk.slots(), index & MASK, null);
        int[] next = chunk.next();
        if (Thread.currentThread().getId() == owner) {
            next[index & MASK] = ownFree;
            ownFree = index + 1;
            return;
        }
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
     * Visits, in index order, every slot published before this call began; slots published during the
     * visit may or may not be visited. For a closed generation only. It does not clear the slots one by
     * one: afterwards the stripe drops its whole directory and free list and never grows again, which
     * is what unlinks the visited elements (SC-13), and saves a store per element (about a tenth of a
     * million-call cancel, measured). So when cancel returns, a stale handle, which still references
     * its generation, keeps neither the generation's other calls nor its slot arrays reachable; while
     * the drain runs, they are still reachable through it. Allocates nothing.
     */
    @SuppressWarnings("unchecked")
    void drain(Consumer<? super E> visitor) {
        if (DIRECTORY.getVolatile(this) == DRAINED) return; // drained already: never write DRAINED_STRIPE
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
                if (element != null) visitor.accept((E) element);
            }
        }
        // A publish or remove that read the old directory writes into a chunk only it still reaches.
        DIRECTORY.setVolatile(this, DRAINED);
        FREE.setVolatile(this, EMPTY);
    }

    /**
     * The chunk holding {@code index}, growing the directory first if it does not reach it yet; null
     * once the stripe is drained.
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
