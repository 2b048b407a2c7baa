package org.sinkcheck.kit.run;

import java.util.Arrays;
import org.sinkcheck.model.Bounds;

/**
 * The context of one call, printed for people. Every call's context is equal to every other's by
 * {@code equals} and {@code hashCode}, with an identity of its own: a sink must tell calls apart by their
 * handles and give each callback its call's very context (SC-09), so one that keys its calls by the
 * equality of what callers pass mixes them up at once.
 *
 * <p>The kit finds a context's call from the context itself, never through a table: a table of contexts
 * would keep every finished call's context reachable, and the kit could no longer judge by reachability
 * whether the sink let go of them (SC-13, {@link Reachability}). A context names its call and the run that
 * made it, by identity: a context of another run (a sink that leaks contexts across sinks through static
 * state) is a stray, as an unknown object is. One context may serve several calls at once (duplicate
 * contexts): the listener then tells them apart by what the model has each of them hear next.
 */
final class CallContext {
    private final Object run;
    /**
     * The calls begun with this very object, in order: one, or several where the kit gives one context to
     * several calls live at once ({@code Setup.duplicateContexts}). Written by the run's thread before the
     * begin that passes it on, read by whatever thread the sink calls back on: volatile, as the sink's own
     * hand-off need not order a write made before its begin with a later one.
     */
    private volatile int[] calls;

    CallContext(int call, Object run) {
        this.calls = new int[] {call};
        this.run = run;
    }

    /** {@code call} is begun with this very object too. */
    void alsoFor(int call) {
        int[] had = calls;
        int[] more = Arrays.copyOf(had, had.length + 1);
        more[had.length] = call;
        calls = more;
    }

    /** The calls begun with {@code context}, if {@code run} made it; else null. */
    static int[] callsOf(Object context, Object run) {
        return context instanceof CallContext c && c.run == run ? c.calls : null;
    }

    @Override public boolean equals(Object o) { return o instanceof CallContext; }

    @Override public int hashCode() { return CallContext.class.getName().hashCode(); }

    @Override public String toString() { return "context of " + Bounds.callName(calls[0]); }
}
