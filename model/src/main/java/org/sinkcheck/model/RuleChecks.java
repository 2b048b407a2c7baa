package org.sinkcheck.model;

import java.util.ArrayList;
import java.util.List;
import org.sinkcheck.rules.Operator;

/**
 * The rules of CancelAll.tla as Java predicates, each named after its TLA+ operator. State invariants
 * take one state; step properties ({@code [][P]_vars} in TLA+) take the states before and after a step
 * and the action taken, which names the sink a cancel acts on as the spec's {@code cancels} does.
 * The soak evaluates them on states <em>observed</em> from a real sink, which is where they have teeth
 * (the kit's {@code Attribution} charges a difference to the operator they would name).
 */
public final class RuleChecks {
    private RuleChecks() {}

    /** Every invariant of CancelAll.cfg that {@code state} breaks. */
    public static List<Violation> invariants(Bounds bounds, ModelState state) {
        List<Violation> out = new ArrayList<>();
        for (int c = 0; c < state.calls(); c++) {
            String call = Bounds.callName(c);
            // SC02_OwnListenerOnly
            for (int s = 0; s < state.sinks(); s++) {
                if (s != state.owner(c) && !state.heard(s, c).isEmpty()) {
                    out.add(new Violation(Operator.SC02_OwnListenerOnly, "the listener of " + Bounds.sinkName(s) + " heard " + state.heard(s, c) + " of " + call
                                    + ", a call of " + ownerName(state, c)));
                }
            }
            // SC03_OneFinalLast
            if (state.owner(c) != ModelState.NO_SINK) {
                List<EventKind> h = state.heardOf(c);
                long finals = h.stream().filter(EventKind::isFinal).count();
                Status st = state.status(c);
                boolean ok = st.isFinal()
                        ? finals == 1 && h.get(h.size() - 1) == EventKind.finalOf(st)
                        : finals == 0;
                if (!ok) {
                    out.add(new Violation(Operator.SC03_OneFinalLast, call + " is " + st.tla() + " but its listener heard " + h));
                }
            }
            // SC06_NoLostCall
            if (state.status(c) != Status.UNBORN) {
                if (state.owner(c) == ModelState.NO_SINK) {
                    out.add(new Violation(Operator.SC06_NoLostCall, call + " began but is bound to no sink"));
                } else if (state.status(c) == Status.PENDING && !state.inRegistry(state.owner(c), c)) {
                    out.add(new Violation(Operator.SC06_NoLostCall, call + " is pending but " + ownerName(state, c) + " no longer references it: no cancel can reach it"));
                }
            }
            // SC10_EndlessEndOnlyByCancel
            if (bounds.isEndless(c) && (state.status(c) == Status.COMPLETED || state.status(c) == Status.FAILED)) {
                out.add(new Violation(Operator.SC10_EndlessEndOnlyByCancel, call + " is an endless subscription but ended " + state.status(c).tla()));
            }
            // SC15_FaultReported
            if (state.faulted(c) && state.status(c) != Status.CANCELLED) {
                out.add(new Violation(Operator.SC15_FaultReported, call + "'s listener threw but the call is " + state.status(c).tla()));
            }
        }
        // SC13_NoRetention
        for (int s = 0; s < state.sinks(); s++) {
            for (int c = 0; c < state.calls(); c++) {
                boolean pendingHere = state.owner(c) == s && state.status(c) == Status.PENDING;
                if (state.inRegistry(s, c) && !pendingHere) {
                    out.add(new Violation(Operator.SC13_NoRetention, Bounds.sinkName(s) + " still references " + Bounds.callName(c) + ", which is " + state.status(c).tla()));
                } else if (pendingHere && !state.inRegistry(s, c)) {
                    // "exactly its pending calls": a dropped pending call is SC-06's lost call and SC-13's too
                    out.add(new Violation(Operator.SC13_NoRetention, Bounds.sinkName(s) + " references " + Bounds.callName(c) + " no longer, though it is pending"));
                }
            }
        }
        return out;
    }

    /**
     * Every step property of CancelAll.cfg that the step {@code before -(action)-> after} breaks. Like
     * their TLA+ originals, the rules about a cancel judge the step by the sink {@code action} cancels
     * ({@link #cancelledSink}; the spec's {@code cancels} counter), never by what changed: a cancel of
     * an idle s1 that ends every call of s2 is SC-02's, though its effect is exactly {@code Cancel(s2)}'s.
     * Beyond the TLA+ properties, a refused handle ({@code StaleHandle}, {@code ForeignHandle},
     * {@code ForgedHandle}) must change nothing at all (SC-14), which the spec has by definition and a
     * real sink may not.
     */
    public static List<Violation> step(ModelState before, Action action, ModelState after) {
        List<Violation> out = new ArrayList<>();
        int cancelled = cancelledSink(before, action);
        if (cancelled >= 0) {
            String sink = Bounds.sinkName(cancelled);
            // SC01_ScopeAll, first part
            for (int c : before.pendingOf(cancelled)) {
                if (!after.status(c).isFinal()) {
                    out.add(new Violation(Operator.SC01_ScopeAll, action + " left " + sink + "'s pending call " + Bounds.callName(c) + " pending"));
                }
            }
            // SC02_NeverOthers
            neverOthers(before, after, cancelled, action, out);
            // SC07_CancelIdempotent
            if (before.pendingOf(cancelled).isEmpty() && !before.equals(after)) {
                out.add(new Violation(Operator.SC07_CancelIdempotent, action + " found nothing pending on " + sink + " but changed the state from " + before + " to " + after));
            }
        }
        boolean listenerFails = false;
        for (int c = 0; c < before.calls(); c++) listenerFails |= !before.faulted(c) && after.faulted(c);
        for (int c = 0; c < before.calls(); c++) {
            String call = Bounds.callName(c);
            // SC01_ScopeAll, second part: only a cancel or a failing listener cancels a call at all
            if (before.status(c) == Status.PENDING && after.status(c) == Status.CANCELLED && cancelled < 0 && !listenerFails) {
                out.add(new Violation(Operator.SC01_ScopeAll, action + " cancelled " + call + ", though it cancels no sink and no listener failed"));
            }
            // SC04_SilentAfterCancel
            if (before.status(c) == Status.CANCELLED) {
                for (int t = 0; t < before.sinks(); t++) {
                    if (!before.heard(t, c).equals(after.heard(t, c))) {
                        out.add(new Violation(Operator.SC04_SilentAfterCancel, call + " was cancelled, then its listener heard " + after.heard(t, c)));
                    }
                }
            }
            // SC05_FinalIsForever
            if (before.status(c).isFinal() && after.status(c) != before.status(c)) {
                out.add(new Violation(Operator.SC05_FinalIsForever, call + " had ended " + before.status(c).tla() + ", then became " + after.status(c).tla()));
            }
            // SC08_FreshCallsLive
            if (before.status(c) == Status.UNBORN && after.status(c) != Status.UNBORN && after.status(c) != Status.PENDING) {
                out.add(new Violation(Operator.SC08_FreshCallsLive, call + " began " + after.status(c).tla() + " instead of pending"));
            }
            // SC15_OwnCallOnly
            if (!before.faulted(c) && after.faulted(c)) {
                for (int d = 0; d < before.calls(); d++) {
                    if (d != c && !untouched(before, after, d)) {
                        out.add(new Violation(Operator.SC15_OwnCallOnly, "the failure of " + call + "'s listener changed " + Bounds.callName(d) + ": "
                                        + before.status(d).tla() + " " + before.heardOf(d) + " -> " + after.status(d).tla() + " " + after.heardOf(d)));
                    }
                }
            }
        }
        if (action instanceof Action.StaleHandle || action instanceof Action.ForeignHandle
                || action instanceof Action.ForgedHandle) {
            if (!before.equals(after)) {
                out.add(new Violation(Operator.SC14_HandlesBound, action + " was not refused: the state changed from " + before + " to " + after));
            }
        }
        return out;
    }

    /**
     * The sink {@code action} cancels, or -1: {@code Cancel(s)} and {@code CancelInCallback(c)} (a cancel
     * of c's sink from c's callback) are the steps that count a cancel in the spec's {@code cancels};
     * beyond the spec, so do the listener's cancels from a progress or final callback of c.
     */
    public static int cancelledSink(ModelState before, Action action) {
        if (action instanceof Action.Cancel cancel) return cancel.sink();
        if (action instanceof Action.InCallback cb && cb.cancels()) return before.owner(cb.call());
        return -1;
    }

    /** SC02_NeverOthers for a cancel of {@code sink}: every call and the registry of another sink are untouched. */
    private static void neverOthers(ModelState before, ModelState after, int sink, Action action, List<Violation> out) {
        for (int c = 0; c < before.calls(); c++) {
            if (before.owner(c) == sink || untouched(before, after, c)) continue;
            out.add(new Violation(Operator.SC02_NeverOthers, action + " changed " + Bounds.callName(c) + " of " + ownerName(before, c)
                            + ": " + before.status(c).tla() + " " + before.heardOf(c)
                            + " -> " + after.status(c).tla() + " " + after.heardOf(c)));
        }
        for (int t = 0; t < before.sinks(); t++) {
            for (int c = 0; c < before.calls(); c++) {
                if (t != sink && before.inRegistry(t, c) != after.inRegistry(t, c)) {
                    out.add(new Violation(Operator.SC02_NeverOthers, action + " changed the registry of " + Bounds.sinkName(t) + " at " + Bounds.callName(c)));
                }
            }
        }
    }

    /** {@code Untouched(c)}: the call's status and what every listener heard of it stay as they were. */
    private static boolean untouched(ModelState before, ModelState after, int call) {
        if (before.status(call) != after.status(call)) return false;
        for (int t = 0; t < before.sinks(); t++) if (!before.heard(t, call).equals(after.heard(t, call))) return false;
        return true;
    }

    private static String ownerName(ModelState state, int call) {
        return state.owner(call) == ModelState.NO_SINK ? "no sink" : Bounds.sinkName(state.owner(call));
    }
}
