package org.sinkcheck.model;

import java.util.ArrayList;
import java.util.List;
import org.sinkcheck.spec.Rule;

/**
 * The rules of CancelAll.tla as Java predicates, each named after its TLA+ operator. State invariants
 * take one state; step properties ({@code [][P]_vars} in TLA+) take the states before and after a step.
 * The kit evaluates them on states <em>observed</em> from a real sink, which is where they have teeth.
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
                    out.add(new Violation(Rule.SC02, "SC02_OwnListenerOnly",
                            "the listener of " + Bounds.sinkName(s) + " heard " + state.heard(s, c) + " of " + call
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
                    out.add(new Violation(Rule.SC03, "SC03_OneFinalLast",
                            call + " is " + st.tla() + " but its listener heard " + h));
                }
            }
            // SC06_NoLostCall
            if (state.status(c) != Status.UNBORN) {
                if (state.owner(c) == ModelState.NO_SINK) {
                    out.add(new Violation(Rule.SC06, "SC06_NoLostCall", call + " began but is bound to no sink"));
                } else if (state.status(c) == Status.PENDING && !state.inRegistry(state.owner(c), c)) {
                    out.add(new Violation(Rule.SC06, "SC06_NoLostCall",
                            call + " is pending but " + ownerName(state, c) + " no longer references it: no cancel can reach it"));
                }
            }
            // SC10_EndlessEndOnlyByCancel
            if (bounds.isEndless(c) && (state.status(c) == Status.COMPLETED || state.status(c) == Status.FAILED)) {
                out.add(new Violation(Rule.SC10, "SC10_EndlessEndOnlyByCancel",
                        call + " is an endless subscription but ended " + state.status(c).tla()));
            }
            // SC15_FaultReported
            if (state.faulted(c) && state.status(c) != Status.CANCELLED) {
                out.add(new Violation(Rule.SC15, "SC15_FaultReported",
                        call + "'s listener threw but the call is " + state.status(c).tla()));
            }
        }
        // SC13_NoRetention
        for (int s = 0; s < state.sinks(); s++) {
            for (int c = 0; c < state.calls(); c++) {
                boolean pendingHere = state.owner(c) == s && state.status(c) == Status.PENDING;
                if (state.inRegistry(s, c) && !pendingHere) {
                    out.add(new Violation(Rule.SC13, "SC13_NoRetention",
                            Bounds.sinkName(s) + " still references " + Bounds.callName(c) + ", which is " + state.status(c).tla()));
                } else if (pendingHere && !state.inRegistry(s, c)) {
                    // "exactly its pending calls": a dropped pending call is SC-06's lost call and SC-13's too
                    out.add(new Violation(Rule.SC13, "SC13_NoRetention",
                            Bounds.sinkName(s) + " references " + Bounds.callName(c) + " no longer, though it is pending"));
                }
            }
        }
        return out;
    }

    /**
     * Every step property of CancelAll.cfg that the step {@code before -> after} breaks. These do not
     * need to know which action was taken: like their TLA+ originals they constrain any step.
     */
    public static List<Violation> step(ModelState before, ModelState after) {
        List<Violation> out = new ArrayList<>();
        for (int s = 0; s < before.sinks(); s++) {
            if (!isSinkCancelStep(before, after, s)) continue;
            String sink = Bounds.sinkName(s);
            // SC01_ScopeAll
            for (int c : before.pendingOf(s)) {
                if (!after.status(c).isFinal()) {
                    out.add(new Violation(Rule.SC01, "SC01_ScopeAll",
                            "cancel of " + sink + " left its pending call " + Bounds.callName(c) + " pending"));
                }
            }
            // SC02_NeverOthers
            neverOthers(before, after, s, out);
        }
        for (int c = 0; c < before.calls(); c++) {
            String call = Bounds.callName(c);
            // SC04_SilentAfterCancel
            if (before.status(c) == Status.CANCELLED) {
                for (int t = 0; t < before.sinks(); t++) {
                    if (!before.heard(t, c).equals(after.heard(t, c))) {
                        out.add(new Violation(Rule.SC04, "SC04_SilentAfterCancel",
                                call + " was cancelled, then its listener heard " + after.heard(t, c)));
                    }
                }
            }
            // SC05_FinalIsForever
            if (before.status(c).isFinal() && after.status(c) != before.status(c)) {
                out.add(new Violation(Rule.SC05, "SC05_FinalIsForever",
                        call + " had ended " + before.status(c).tla() + ", then became " + after.status(c).tla()));
            }
            // SC08_FreshCallsLive
            if (before.status(c) == Status.UNBORN && after.status(c) != Status.UNBORN && after.status(c) != Status.PENDING) {
                out.add(new Violation(Rule.SC08, "SC08_FreshCallsLive",
                        call + " began " + after.status(c).tla() + " instead of pending"));
            }
        }
        return out;
    }

    /**
     * The step properties of {@link #step(ModelState, ModelState)}, plus what only a caller that knows
     * which action it took (the conformance kit, which drives the sink) can check:
     * <ul>
     * <li>SC-02: a {@code Cancel(s)} changes no call of another sink, even when s had nothing pending.
     *     (A state-only property cannot see this: a cancel of an idle s1 that ends every call of s2
     *     looks exactly like {@code Cancel(s2)}.)
     * <li>SC-14: a refused handle ({@code StaleHandle}, {@code ForeignHandle}, {@code ForgedHandle})
     *     changes nothing at all.
     * <li>SC-16: after {@code CancelInCallback(c)} the sink of c has no pending call.
     * </ul>
     */
    public static List<Violation> step(ModelState before, Action action, ModelState after) {
        List<Violation> out = step(before, after);
        if (action instanceof Action.Cancel cancel) {
            if (!isSinkCancelStep(before, after, cancel.sink())) neverOthers(before, after, cancel.sink(), out);
        } else if (action instanceof Action.CancelInCallback cb && before.owner(cb.call()) != ModelState.NO_SINK) {
            int sink = before.owner(cb.call());
            if (!isSinkCancelStep(before, after, sink)) neverOthers(before, after, sink, out);
            if (!after.pendingOf(sink).isEmpty()) {
                out.add(new Violation(Rule.SC16, "SC16_CancelInCallbackTakesEffect",
                        "after cancelling " + Bounds.sinkName(sink) + " from " + Bounds.callName(cb.call())
                                + "'s callback, " + Bounds.sinkName(sink) + " still has pending calls " + names(after.pendingOf(sink))));
            }
        } else if (action instanceof Action.StaleHandle || action instanceof Action.ForeignHandle
                || action instanceof Action.ForgedHandle) {
            if (!before.equals(after)) {
                out.add(new Violation(Rule.SC14, "SC14_HandlesBound",
                        action + " was not refused: the state changed from " + before + " to " + after));
            }
        }
        return out;
    }

    /** SC02_NeverOthers for a cancel of {@code sink}: every call of another sink is untouched. */
    private static void neverOthers(ModelState before, ModelState after, int sink, List<Violation> out) {
        for (int c = 0; c < before.calls(); c++) {
            if (before.owner(c) == sink) continue;
            boolean changed = before.status(c) != after.status(c);
            for (int t = 0; t < before.sinks(); t++) changed |= !before.heard(t, c).equals(after.heard(t, c));
            if (changed) {
                out.add(new Violation(Rule.SC02, "SC02_NeverOthers",
                        "cancel of " + Bounds.sinkName(sink) + " changed " + Bounds.callName(c) + " of " + ownerName(before, c)
                                + ": " + before.status(c).tla() + " " + before.heardOf(c)
                                + " -> " + after.status(c).tla() + " " + after.heardOf(c)));
            }
        }
    }

    private static String names(List<Integer> calls) {
        List<String> out = new ArrayList<>();
        for (int c : calls) out.add(Bounds.callName(c));
        return out.toString();
    }

    /** {@code SinkCancelStep(s)}: a call of s is cancelled in this step, not by its own listener's failure. */
    static boolean isSinkCancelStep(ModelState before, ModelState after, int sink) {
        for (int c = 0; c < before.calls(); c++) {
            if (before.owner(c) == sink && before.status(c) == Status.PENDING
                    && after.status(c) == Status.CANCELLED && !after.faulted(c)) {
                return true;
            }
        }
        return false;
    }

    private static String ownerName(ModelState state, int call) {
        return state.owner(call) == ModelState.NO_SINK ? "no sink" : Bounds.sinkName(state.owner(call));
    }
}
