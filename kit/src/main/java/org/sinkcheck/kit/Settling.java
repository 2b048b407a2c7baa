package org.sinkcheck.kit;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The kit's side of one {@link SinkAdapter#settle}: which action the kit just performed, and how long the
 * sink may take to run the callbacks that action made due. An adapter whose sink calls back on threads
 * of its own waits through {@link #until}; past the budget it throws a {@link SettleTimeoutException}
 * whose one-line message names the action and what the adapter waited for, so a sink that never goes
 * quiet stops the kit with a reason instead of hanging it.
 *
 * <p>One {@code Settling} serves every sink of one step: the budget is the step's, not each sink's.
 */
public final class Settling {
    /** The budget when none is given: long enough for a loaded CI machine, short enough to fail a stuck sink. */
    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(10);

    private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final String after;
    private final Duration budget;
    private final long deadline;
    /** Whether the adapter waited through {@link #until}: its sink calls back on threads of its own. */
    private boolean waited;

    private Settling(String after, Duration budget) {
        if (budget.isNegative() || budget.isZero()) throw new IllegalArgumentException("a settle budget must be positive, not " + budget);
        this.after = after;
        this.budget = budget;
        this.deadline = System.nanoTime() + budget.toNanos();
    }

    /** The settle after {@code action} (as reports print it: {@code cancel s1}), within {@code budget} from now. */
    public static Settling after(String action, Duration budget) {
        return new Settling(action, budget);
    }

    /** The action the kit just performed, as reports print it. */
    public String after() { return after; }

    /** How long the whole settle may take. */
    public Duration budget() { return budget; }

    /**
     * Whether the adapter waited on this settle through {@link #until}, as an adapter of a sink that calls
     * back on threads of its own does: the kit then knows those threads may still hold a finished call's
     * objects for a moment after the sink settled (SC-13 by reachability waits for them, within bounds).
     */
    public boolean waited() { return waited; }

    /**
     * Returns once {@code done} holds, checking it at once and then with backoff (spins, then parks of up to
     * a millisecond: a quiet sink costs microseconds).
     *
     * @param awaited what {@code done} says, for the message: {@code "the sink's executor to go idle"}
     * @throws SettleTimeoutException if {@code done} still does not hold when the budget is spent
     */
    public void until(String awaited, BooleanSupplier done) {
        waited = true;
        long park = 1_000;
        for (int spins = 0; !done.getAsBoolean(); spins++) {
            if (System.nanoTime() - deadline > 0) throw timedOut(awaited);
            if (spins < 100) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(park);
                park = Math.min(park * 2, MAX_PARK_NANOS);
            }
        }
    }

    /**
     * Returns once {@code done} has completed: a barrier task the adapter submitted behind the callbacks
     * due so far on the sink's serial executor. A barrier that failed is the adapter's error, reported as such.
     *
     * @throws SettleTimeoutException if it has not completed when the budget is spent
     */
    public void until(String awaited, Future<?> done) {
        waited = true;
        try {
            done.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw timedOut(awaited);
        } catch (ExecutionException e) {
            throw new IllegalStateException("settle after " + after + ": " + awaited + " failed: " + Adapters.oneLine(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("settle after " + after + " was interrupted waiting for " + awaited, e);
        }
    }

    private SettleTimeoutException timedOut(String awaited) {
        return new SettleTimeoutException("the sink did not settle after " + after + ": waited " + seconds(budget)
                + " for " + awaited);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
