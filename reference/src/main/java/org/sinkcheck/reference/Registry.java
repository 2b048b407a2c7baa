package org.sinkcheck.reference;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Consumer;

/**
 * One generation of a sink's registry: the calls begun into it, spread over a few {@link Stripe}s so
 * that threads beginning and finishing calls on one sink do not all write one cache line.
 *
 * <h2>Implementation notes</h2>
 *
 * <p>A generation is <em>open</em> until {@code cancel()} closes it with one CAS of its
 * {@link #closed} flag, and <em>closed</em> for ever after; the first begin after that makes the
 * sink's next generation. This class stores: {@link #claim} stores a new element into a free slot
 * (one CAS, see {@link Stripe}), the element unlinks itself through its {@link Chunk}, and
 * {@link #drain} visits every element stored before it started (and maybe some stored later), then
 * drops them all. Cancel's linearization point stays one CAS of one field: striping splits the storage
 * of a generation, never the generation.
 *
 * <p><b>Which stripe.</b> The claiming thread's id modulo the stripe count (a power of two, at least
 * twice the processors, at most 64), for speed only: threads that finish the calls they began stay on
 * their own cache lines. Correctness never depends on it: any thread may claim in any stripe, two
 * threads on one stripe (ids that collide, an overridden {@code getId()}, a reused id) only contend,
 * and an element is unlinked through its own chunk on whichever thread. The capacity is per stripe and
 * independent of the stripe count.
 *
 * <p><b>The drain, and Errors.</b> The drain visits stripe by stripe, chunk by chunk, and drops each
 * chunk's slots once visited. If the visitor throws (an {@code Error}: the sink's sweep contains every
 * listener exception, but a {@code StackOverflowError} or {@code OutOfMemoryError} can strike anywhere),
 * the drain records where it was and goes on from there while that makes progress; when it cannot (the
 * thread's stack is exhausted at this depth), it leaves the generation <em>interrupted</em> and rethrows
 * the first error. {@link #resume} — which every later {@code cancel()} of the sink calls on its older
 * generations, the enclosing one of a nested cancel first — continues an interrupted drain where it
 * stopped; the visitor is idempotent (a visited element that already has its final is left alone), so
 * visiting the element that was being visited again is harmless. The sink keeps an interrupted
 * generation reachable through {@link #predecessor} until it is drained. The drain allocates nothing,
 * and its error handlers call no method (only field stores), so they cannot overflow the stack themselves.
 *
 * <p><b>Memory ordering.</b> {@code closed} is volatile, set by CAS: the close and every check of it
 * are the Dekker pairs of {@code ReferenceSink} (a begin publishes, then reads the flag; a cancel sets
 * it, then reads the slots). Stripes are installed by CAS and read with volatile loads: a begin that
 * creates a stripe then claims in it and re-reads the flag, and cancel sets the flag then reads the
 * stripes, the same Dekker pair as a slot's. A stripe the drain finds unused is left so: no claim
 * creates a stripe in a generation it sees closed, and one that saw it open a moment before the close is
 * a begin that sees the close in its re-check and cancels its own call. {@code drainState} is
 * volatile: its INTERRUPTED store publishes the recorded position ({@code resumeAt}, plain) to the
 * thread that resumes, by CAS; DRAINED is a release store that no Dekker pair involves.
 *
 * @param <E> the element type (the sink's call)
 */
final class Registry<E> {
    /** Stripes per generation: a power of two, at least twice the processors, at most 64 (speed only). */
    static final int STRIPES =
            Math.min(64, Integer.highestOneBit(Math.max(1, 2 * Runtime.getRuntime().availableProcessors() - 1)) << 1);
    /** Chunks a stripe may hold by default: 2<sup>22</sup> chunks, 2<sup>30</sup> slots, on every machine. */
    static final int MAX_CHUNKS_PER_STRIPE = 1 << 22;

    static final int DRAINING = 1;
    static final int INTERRUPTED = 2;
    static final int DRAINED = 3;

    private static final VarHandle STRIPE = MethodHandles.arrayElementVarHandle(Stripe[].class);
    private static final VarHandle DRAIN_STATE = VarHandles.field(MethodHandles.lookup(), Registry.class, "drainState", int.class);
    private static final VarHandle PREDECESSOR = VarHandles.field(MethodHandles.lookup(), Registry.class, "predecessor", Registry.class);
    private static final VarHandle CLOSED = VarHandles.field(MethodHandles.lookup(), Registry.class, "closed", boolean.class);

    /** Makes the element that will occupy slot {@code index} of {@code chunk}, before it is stored. */
    interface Factory<E> {
        E make(Chunk chunk, int index, Object context);
    }

    /** The sink this generation belongs to: its calls reach their sink through it (SC-14's ownership test). */
    final Object owner;
    final int maxChunksPerStripe;
    private final Factory<E> factory;
    /** Filled on first use by CAS: an idle generation allocates no stripe. */
    private final Stripe[] stripes = new Stripe[STRIPES];
    /**
     * The generation this one replaced, while that one's drain is not known to be finished: how the
     * sink finds a drain an Error interrupted. Set by the constructor (the begin that made this
     * generation), cleared (by CAS) once the older one is drained.
     */
    volatile Registry<E> predecessor;
    /**
     * Set once, by the cancel that closes this generation (its linearization point); from then on every
     * call of it is cancelled. Read by every check of a call's generation.
     */
    @SuppressWarnings("unused") // accessed through CLOSED
    private volatile boolean closed;
    /**
     * 0 while open or draining; DRAINED once its drain finished (a release store), INTERRUPTED when an
     * Error stopped it (stored by the drain's owner as the Error leaves it), DRAINING while a later
     * cancel resumes it (taken by CAS from INTERRUPTED). Only the drain's owner writes it in between.
     */
    volatile int drainState;
    /** Where an interrupted drain stopped: stripe in the high half, slot in the low half. */
    private long resumeAt;

    Registry(Object owner, Factory<E> factory, int maxChunksPerStripe, Registry<E> predecessor) {
        if (maxChunksPerStripe < 1 || maxChunksPerStripe > MAX_CHUNKS_PER_STRIPE) {
            throw new IllegalArgumentException("registry: chunks per stripe must be in 1.." + MAX_CHUNKS_PER_STRIPE
                    + ", not " + maxChunksPerStripe);
        }
        this.owner = owner;
        this.factory = factory;
        this.maxChunksPerStripe = maxChunksPerStripe;
        PREDECESSOR.set(this, predecessor); // published with the generation (the sink installs it by CAS)
    }

    /** Closes this generation: true for the one caller whose CAS did it, false if it was closed already. */
    boolean close() {
        return CLOSED.compareAndSet(this, false, true);
    }

    /** Whether a cancel closed this generation. */
    boolean isClosed() {
        return (boolean) CLOSED.getVolatile(this);
    }

    /**
     * A new element, made by the factory, stored into a free slot of the calling thread's stripe; if this
     * generation is drained, a new element stored nowhere (its begin sees the close and ends it).
     *
     * @throws IllegalStateException if that stripe is full at its capacity limit (nothing was stored)
     */
    E claim(Object context) {
        int s = (int) Thread.currentThread().getId() & (STRIPES - 1); // speed only, see the notes
        Stripe stripe = stripe(s);
        E element = stripe == null ? null : stripe.claim(factory, context);
        return element != null ? element : factory.make(new Chunk(this, Chunk.DRAINED), 0, context);
    }

    /**
     * The number of elements stored and not cleared, by a scan: O(capacity), for observers, not for
     * the hot path. Exact when no claim, clear or drain is in progress.
     */
    int size() {
        int count = 0;
        for (int s = 0; s < STRIPES; s++) {
            Stripe stripe = (Stripe) STRIPE.getVolatile(stripes, s);
            if (stripe != null) count += stripe.occupied();
        }
        return count;
    }

    /** Each stripe's capacity in slots (0 for a stripe never used): the allocator's high-water marks. */
    int[] capacities() {
        int[] out = new int[STRIPES];
        for (int s = 0; s < STRIPES; s++) {
            Stripe stripe = (Stripe) STRIPE.getVolatile(stripes, s);
            if (stripe != null) out[s] = stripe.capacity();
        }
        return out;
    }

    /**
     * Visits every element stored before this call began, stripe by stripe (see the notes); for a
     * closed generation, by the cancel that closed it (and, after an Error, by {@link #resume}). Afterwards no stripe holds slots or grows.
     * Allocates nothing. If {@code visitor} throws, finishes the drain while it can, then rethrows the
     * first error; what it could not finish, {@link #resume} does. Called only by the one thread that
     * owns the drain (the closing cancel, state 0; or a resume, DRAINING); the caller's handler marks an
     * interrupted drain.
     */
    void drain(Consumer<? super E> visitor) {
        Throwable first = null;
        long failedAt = -1;
        for (;;) {
            try {
                drainFrom(visitor);
                break;
            } catch (Throwable thrown) { // field accesses only: this handler cannot overflow the stack
                if (first == null) first = thrown;
                // Only the JVM's own errors (stack, memory) may pass at a retry: anything else (a test
                // harness stopping the thread, say) stops the drain at once, to be resumed later.
                if (resumeAt == failedAt || !(thrown instanceof VirtualMachineError)) {
                    // No progress at this depth: leave it to resume(). The caller's handler marks it
                    // INTERRUPTED: only then may another thread resume it, so no two threads drain at once.
                    throw Registry.<RuntimeException>unchecked(first);
                }
                failedAt = resumeAt;
            }
        }
        if (first != null) throw Registry.<RuntimeException>unchecked(first);
    }

    /** Continues this generation's drain if an Error interrupted it (and no other thread resumed it first). */
    void resume(Consumer<? super E> visitor) {
        if (drainState == INTERRUPTED && DRAIN_STATE.compareAndSet(this, INTERRUPTED, DRAINING)) {
            try {
                drain(visitor);
            } catch (Throwable thrown) { // field accesses only
                if (drainState != DRAINED) drainState = INTERRUPTED; // ours (DRAINING) till now: no other thread writes it
                throw thrown;
            }
        }
    }

    /** Whether this generation's drain has finished (false while open, draining or interrupted). */
    boolean drained() {
        return (int) DRAIN_STATE.getAcquire(this) == DRAINED;
    }

    /** Forgets {@code drained}, the predecessor seen, unless it changed meanwhile. */
    void forgetPredecessor(Registry<E> drained) {
        PREDECESSOR.compareAndSet(this, drained, null);
    }

    /** Visits from {@code resumeAt} to the end, dropping what it visited; on a throw, records where it was. */
    @SuppressWarnings("unchecked")
    private void drainFrom(Consumer<? super E> visitor) {
        int s = (int) (resumeAt >>> 32);
        int i = (int) resumeAt;
        try {
            for (; s < STRIPES; s++, i = 0) {
                // An unused stripe is left alone: a begin that creates it after the close sees the close
                // in its re-check and cancels its own call (a CAS here would cost one per stripe).
                Stripe stripe = (Stripe) STRIPE.getVolatile(stripes, s);
                if (stripe == null) continue;
                Chunk[] chunks = stripe.directory();
                // A chunk in no directory we read, or a slot above the frontier we read, belongs to a
                // claim after this read, hence after the close: that claim's begin re-checks and sees it.
                int end = Math.min(chunks.length << Chunk.SHIFT, stripe.frontier());
                for (; i < end; i = (i | Chunk.MASK) + 1) {
                    Chunk chunk = chunks[i >>> Chunk.SHIFT];
                    Object[] slots = chunk.slotsIfAny();
                    if (slots == null || slots.length == 0) continue; // never used, or dropped already
                    for (; ; i++) {
                        Object element = Chunk.SLOT.getVolatile(slots, i & Chunk.MASK);
                        if (element != null) visitor.accept((E) element);
                        if ((i & Chunk.MASK) == Chunk.MASK || i + 1 == end) break;
                    }
                    chunk.drop();
                }
                stripe.drop();
            }
        } catch (Throwable thrown) {
            resumeAt = (long) s << 32 | (i & 0xFFFF_FFFFL);
            throw thrown;
        }
        resumeAt = (long) STRIPES << 32;
        DRAIN_STATE.setRelease(this, DRAINED); // no Dekker pair: a reader that misses it only keeps a link longer
    }

    /** Stripe {@code s}, created on first use; null if unused when this generation is closed already. */
    private Stripe stripe(int s) {
        Stripe stripe = (Stripe) STRIPE.getVolatile(stripes, s);
        if (stripe != null || isClosed()) return stripe;
        STRIPE.compareAndSet(stripes, s, null, new Stripe(this));
        return (Stripe) STRIPE.getVolatile(stripes, s);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T unchecked(Throwable thrown) throws T {
        throw (T) thrown;
    }
}
