package org.sinkcheck.kit.run;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.sinkcheck.model.Bounds;
import org.sinkcheck.model.ModelState;

/**
 * SC-13 judged by reachability: once the model has a call finished, its context and the objects delivered
 * for it must become collectible while its sink lives on. The count an adapter may show
 * ({@code RETENTION_VISIBLE}) misses a sink whose registry is right but that keeps finished calls' remains
 * elsewhere (a side map, a last-call cache, a listener wrapper); reachability needs no capability, so a
 * sink that cannot count its calls is judged too.
 */
final class Reachability {
    /*
     * Implementation notes.
     *
     * The run records a weak reference to every context it begins a call with and to every object it hands
     * the sink for a call. At the end of a behaviour (never after each action: a collection costs a few
     * milliseconds, a replay has tens of thousands of steps) the run drops its own handles, and check()
     * collects garbage with every sink still alive: a reference of a finished call that is not cleared then
     * is strongly reachable, and the kit holds none (contexts find their call by themselves, CallContext;
     * the listeners record event kinds only; actions and model states are numbers), so the sink or its
     * adapter does.
     *
     * A collection is asked for, not commanded (System.gc() may be disabled): a canary, an object only this
     * class references weakly, tells whether one ran. If none did within the budget, the check decides
     * nothing (no finding, and SC-13 is not counted as exercised by it). Weak references are cleared
     * atomically for everything weakly reachable by a collection, so one collection decides a synchronous
     * sink; the few further attempts (ATTEMPTS, within BUDGET) are for a finalizer-like delay of the JVM's.
     * Further attempts are made only while something is still reachable: a correct sink costs one
     * collection per check.
     *
     * A sink that calls back on threads of its own (its adapter waited through Settling.until) may still
     * hold a finished call's objects for a moment after it settled: the callback has been heard, but the
     * thread that ran it has not yet returned from the task that holds them, and on a loaded machine that
     * moment can last a scheduling quantum or more (OkHttp's dispatcher, under a parallel build, once kept
     * a cancelled call's object past the three quick attempts). For such a sink a check that still finds
     * something goes on collecting, with doubling pauses, while the run's Patience lasts: one budget for
     * the whole conformance run, so a sink that really keeps finished calls pays it once, and every later
     * check of that run is quick again (a shrink that misses a finding keeps the longer counterexample;
     * it never makes a passing sink fail).
     *
     * Memory ordering: none of this is racy; the weak references are written and read by the run's thread.
     */

    /** Collections per check at most, and the time they may take. */
    private static final int ATTEMPTS = 3;
    private static final Duration BUDGET = Duration.ofMillis(500);
    private static final long PAUSE_MILLIS = 10;
    /** How many calls a finding names, at most. */
    private static final int NAMED = 4;

    private final Bounds bounds;
    private final List<WeakReference<Object>> contexts = new ArrayList<>();
    private final List<List<WeakReference<Object>>> delivered = new ArrayList<>();
    /** Per call, the first call begun with its context object. */
    private final int[] first;

    Reachability(Bounds bounds) {
        this.bounds = bounds;
        this.first = new int[bounds.calls()];
        for (int c = 0; c < bounds.calls(); c++) {
            contexts.add(null);
            delivered.add(new ArrayList<>(0));
        }
    }

    /**
     * {@code call} is begun with {@code context}, which is the context of the call {@code first} (itself, unless
     * the kit gave one context to several calls: that context may stay reachable while any of them is pending).
     */
    void begun(int call, Object context, int first) {
        contexts.set(call, call == first ? new WeakReference<>(context) : contexts.get(first));
        this.first[call] = first;
    }

    void handed(int call, Object object) { delivered.get(call).add(new WeakReference<>(object)); }

    /** What a check found: whether a collection ran, and if so what of which finished call stayed reachable. */
    record Finding(boolean decided, int finishedCalls, String kept) {
        boolean retained() { return kept != null; }
    }

    /**
     * How long the checks of one conformance run may wait, in all, for sinks' own threads to let go of
     * finished calls (the implementation notes say why one budget serves the whole run).
     */
    static final class Patience {
        /** What one conformance run may spend waiting, in all. */
        static final Duration PER_RUN = Duration.ofSeconds(5);
        private static final long FIRST_PAUSE_MILLIS = 10;

        private long nanosLeft;

        Patience(Duration total) { this.nanosLeft = total.toNanos(); }

        static Patience perRun() { return new Patience(PER_RUN); }

        /** Collects again, pausing ever longer, until {@code kept} finds nothing or the patience is spent; returns its last answer. */
        String waitFor(Supplier<String> kept, String found) {
            long pause = FIRST_PAUSE_MILLIS;
            while (found != null && nanosLeft > 0) {
                long start = System.nanoTime();
                sleep(Math.min(pause, Math.max(1, nanosLeft / 1_000_000)));
                System.gc();
                found = kept.get();
                nanosLeft -= System.nanoTime() - start;
                pause *= 2;
            }
            return found;
        }
    }

    /**
     * Collects garbage and names the remains of {@code state}'s finished calls that stayed strongly reachable;
     * for a sink that calls back on {@code ownThreads}, waiting for them within {@code patience}.
     */
    Finding check(ModelState state, boolean ownThreads, Patience patience) {
        WeakReference<Object> canary = new WeakReference<>(new Object());
        long deadline = System.nanoTime() + BUDGET.toNanos();
        String kept = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (attempt > 0) sleep(PAUSE_MILLIS);
            System.gc();
            kept = kept(state);
            if (canary.get() != null || kept == null || System.nanoTime() > deadline) break;
        }
        if (ownThreads && canary.get() == null) kept = patience.waitFor(() -> kept(state), kept);
        int finished = 0;
        for (int c = 0; c < bounds.calls(); c++) if (state.status(c).isFinal() && contexts.get(c) != null) finished++;
        if (canary.get() != null) return new Finding(false, finished, null);
        return new Finding(true, finished, kept);
    }

    /** The finished calls whose context or delivered objects are still referenced, in one line; null if none. */
    private String kept(ModelState state) {
        List<String> calls = new ArrayList<>();
        int more = 0;
        boolean[] contextLive = new boolean[bounds.calls()];   // by first call: a call begun with that context is not finished
        for (int c = 0; c < bounds.calls(); c++) if (contexts.get(c) != null && !state.status(c).isFinal()) contextLive[first[c]] = true;
        for (int c = 0; c < bounds.calls(); c++) {
            WeakReference<Object> context = contexts.get(c);
            if (context == null || !state.status(c).isFinal()) continue;
            boolean contextKept = !contextLive[first[c]] && first[c] == c && context.get() != null;
            long objects = delivered.get(c).stream().filter(r -> r.get() != null).count();
            if (!contextKept && objects == 0) continue;
            if (calls.size() == NAMED) {
                more++;
                continue;
            }
            String what = (contextKept ? "its context" : "") + (contextKept && objects > 0 ? " and " : "")
                    + (objects == 0 ? "" : objects + " of the " + delivered.get(c).size() + " object(s) delivered for it");
            calls.add(Bounds.callName(c) + " (" + state.status(c).tla() + "): " + what);
        }
        if (calls.isEmpty()) return null;
        return "once every sink settled, with the sinks alive and the kit holding nothing of their calls, a garbage collection left "
                + "finished calls' remains strongly reachable: " + String.join("; ", calls) + (more == 0 ? "" : "; and " + more + " more call(s)");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
