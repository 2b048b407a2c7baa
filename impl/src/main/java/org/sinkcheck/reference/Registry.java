package org.sinkcheck.reference;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Consumer;

/**
 * One generation of a sink's registry: the calls begun into it, spread over a few {@link Stripe}s so
 * that threads beginning and finishing calls on one sink do not all CAS one free-list head.
 *
 * <p>A generation is <em>open</em> while it is its sink's current registry and <em>closed</em> for
 * ever once {@code cancel()} swapped it out; closing is the sink's business, not this class's. This
 * class only stores: {@link #reserve} hands out a slot, {@link #publish} writes an element into it,
 * {@link #remove} clears it in O(1), and {@link #drain} visits every element published before it
 * started (and maybe some published later), then drops them all. Cancel's linearization point stays one swap of
 * one field: striping splits the storage of a generation, never the generation.
 *
 * <p>Which stripe: the reserving thread's id modulo the stripe count, a power of two at least twice
 * the processors. Pool threads are numbered consecutively, so up to that many threads get a stripe
 * each, and a thread finishing the calls it began stays on its own cache lines (each stripe is
 * allocated by the first thread that uses it, in that thread's allocation buffer). Two threads whose
 * ids collide share a stripe and contend as one stripe would: slower, never wrong. A slot index
 * carries its stripe in its low bits, so {@link #remove} returns it to the stripe it came from, on
 * whichever thread.
 *
 * <p>Memory ordering. Stripes are installed by CAS and read with volatile loads: a begin that creates a
 * stripe then publishes into it and re-reads the sink's current generation, and cancel swaps the
 * generation then reads the stripes, the same Dekker pair as a slot's (see {@link Stripe}). A stripe
 * drain found unused is replaced by {@link Stripe#DRAINED_STRIPE}, so a begin that lost the race with
 * the close stores nothing into a closed generation.
 *
 * @param <E> the element type (the sink's call)
 */
final class Registry<E> {
    /** Stripes per generation: a power of two, at least twice the processors, at most 64. */
    static final int STRIPES =
            Math.min(64, Integer.highestOneBit(Math.max(1, 2 * Runtime.getRuntime().availableProcessors() - 1)) << 1);
    private static final int STRIPE_BITS = Integer.numberOfTrailingZeros(STRIPES);
    /** The largest slot index within a stripe that still leaves a non-negative index once striped. */
    private static final int MAX_LOCAL = Integer.MAX_VALUE >>> STRIPE_BITS;
    private static final VarHandle STRIPE = MethodHandles.arrayElementVarHandle(Stripe[].class);

    /** The sink this generation belongs to: its calls reach their sink through it (SC-14's ownership test). */
    final Object owner;
    /** Filled on first use by CAS: an idle generation allocates no stripe. */
    private final Stripe<?>[] stripes = new Stripe<?>[STRIPES];

    Registry(Object owner) {
        this.owner = owner;
    }

    /** A free slot's index, in the calling thread's stripe, for one {@link #publish} and later one {@link #remove}. */
    int reserve() {
        long thread = Thread.currentThread().getId();
        int s = (int) thread & (STRIPES - 1);
        int local = stripeCreatedBy(s, thread).reserve(thread);
        if (local > MAX_LOCAL) {
            throw new IllegalStateException("sink: more than " + MAX_LOCAL + " pending calls in one stripe");
        }
        return local << STRIPE_BITS | s;
    }

    /** Publishes {@code element} into the slot {@code index} that {@link #reserve} returned. */
    void publish(int index, E element) {
        stripeOf(index).publish(index >>> STRIPE_BITS, element);
    }

    /** Unlinks the element at {@code index} in O(1); the slot is reused. A no-op once drained. */
    void remove(int index) {
        stripeOf(index).remove(index >>> STRIPE_BITS);
    }

    /**
     * The number of elements published and not removed, by a scan: O(capacity), for observers, not for
     * the hot path. Exact when no publish, remove or drain is in progress.
     */
    int size() {
        int count = 0;
        for (int s = 0; s < STRIPES; s++) {
            Stripe<?> stripe = (Stripe<?>) STRIPE.getVolatile(stripes, s);
            if (stripe != null) count += stripe.size();
        }
        return count;
    }

    /**
     * Visits, stripe by stripe, every slot published before this call began (see {@link Stripe#drain});
     * for a closed generation only. Afterwards no stripe holds slots or grows. Allocates nothing.
     */
    @SuppressWarnings("unchecked")
    void drain(Consumer<? super E> visitor) {
        for (int s = 0; s < STRIPES; s++) {
            // An unused stripe gets the shared drained one: a late begin then stores nothing here.
            if (STRIPE.getVolatile(stripes, s) == null
                    && STRIPE.compareAndSet(stripes, s, null, Stripe.DRAINED_STRIPE)) continue;
            ((Stripe<E>) STRIPE.getVolatile(stripes, s)).drain(visitor);
        }
    }

    /** Stripe {@code s}, created on first use with {@code thread} as its owner. */
    @SuppressWarnings("unchecked")
    private Stripe<E> stripeCreatedBy(int s, long thread) {
        Stripe<E> stripe = (Stripe<E>) STRIPE.getVolatile(stripes, s);
        if (stripe != null) return stripe;
        STRIPE.compareAndSet(stripes, s, null, new Stripe<E>(thread));
        return (Stripe<E>) STRIPE.getVolatile(stripes, s);
    }

    /**
     * The stripe of a slot {@link #reserve} returned: never null, because that reserve found or created
     * it (or drain's {@link Stripe#DRAINED_STRIPE}), and a stripe is never replaced.
     */
    @SuppressWarnings("unchecked")
    private Stripe<E> stripeOf(int index) {
        return (Stripe<E>) STRIPE.getVolatile(stripes, index & (STRIPES - 1));
    }
}
