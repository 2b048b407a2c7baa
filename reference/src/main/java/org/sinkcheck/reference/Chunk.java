package org.sinkcheck.reference;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * 256 slots of one {@link Stripe} of a {@link Registry} generation, and the generation they belong to.
 * A call keeps a reference to its chunk and its index in it, so it unlinks itself with one store on
 * whichever thread, through no directory, and reaches its generation (and so its sink) through the
 * chunk: a call needs no field of its own for either.
 *
 * <p>The slot array is allocated on first use (a stripe that doubled costs a few small chunk objects
 * until its new slots are needed) and replaced by {@link #DRAINED} once a drain has visited it: from
 * then on nothing is stored into the chunk, and a stale handle, which still references its chunk,
 * keeps no other call reachable through it.
 *
 * <p>Memory ordering. {@code slots} is volatile: installed by CAS on first use, dropped by the drain
 * with a release store (a claim that still reads the old array stores into it, and its begin's re-check,
 * after that CAS, sees the close: no Dekker pair involves the drop). The drain reads the slots with volatile loads; a claim is a CAS (see
 * {@link Stripe}); the clear in {@link #clear} is a release store: a drain that still reads the old
 * element handles it by the element's own final state.
 */
final class Chunk {
    static final int SHIFT = 8;
    static final int SIZE = 1 << SHIFT;
    static final int MASK = SIZE - 1;
    /** The slots of a drained chunk: empty, so nothing is stored into it and nothing is reachable through it. */
    static final Object[] DRAINED = new Object[0];

    static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);
    private static final VarHandle SLOTS = VarHandles.field(MethodHandles.lookup(), Chunk.class, "slots", Object[].class);

    /** The generation these slots belong to: a call reaches its sink through it. */
    final Registry<?> generation;
    /** Null until first used, {@link #DRAINED} once drained. */
    @SuppressWarnings("unused") // accessed through SLOTS
    private volatile Object[] slots;

    Chunk(Registry<?> generation) {
        this.generation = generation;
    }

    /** A chunk of a generation that was drained before anything was stored: where a late begin's call points. */
    Chunk(Registry<?> generation, Object[] drained) {
        this.generation = generation;
        SLOTS.set(this, drained); // published with the call that references it
    }

    /** The slots, allocated on first use; {@link #DRAINED} once drained. */
    Object[] slotsForClaim() {
        Object[] s = (Object[]) SLOTS.getVolatile(this);
        if (s != null) return s;
        SLOTS.compareAndSet(this, null, new Object[SIZE]);
        return (Object[]) SLOTS.getVolatile(this);
    }

    /** The slots without allocating: null if never used, {@link #DRAINED} once drained. */
    Object[] slotsIfAny() {
        return (Object[]) SLOTS.getVolatile(this);
    }

    /** Unlinks the element at {@code index}: one release store, no allocation; a no-op once drained. */
    void clear(int index) {
        Object[] s = (Object[]) SLOTS.getVolatile(this);
        if (s != null && s.length > index) SLOT.setRelease(s, index, null);
    }

    /** Forgets every slot at once, after a drain visited them: what unlinks a closed generation's calls. */
    void drop() {
        SLOTS.setRelease(this, DRAINED); // a claim that misses it stores into the old array, and its begin cancels its call
    }

    /** Occupied slots among the first {@code end}, by a scan: for observers. */
    int occupied(int end) {
        Object[] s = (Object[]) SLOTS.getVolatile(this);
        int count = 0;
        if (s != null) for (int i = 0; i < s.length && i < end; i++) if (SLOT.getAcquire(s, i) != null) count++;
        return count;
    }
}
