package org.sinkcheck.model;

import java.util.ArrayList;
import java.util.List;
import org.sinkcheck.model.Action.Begin;
import org.sinkcheck.model.Action.Cancel;
import org.sinkcheck.model.Action.CancelInCallback;
import org.sinkcheck.model.Action.CancelInFinal;
import org.sinkcheck.model.Action.CancelInProgress;
import org.sinkcheck.model.Action.Complete;
import org.sinkcheck.model.Action.Deliver;
import org.sinkcheck.model.Action.Fail;
import org.sinkcheck.model.Action.ForeignHandle;
import org.sinkcheck.model.Action.ForgedHandle;
import org.sinkcheck.model.Action.ListenerThrows;
import org.sinkcheck.model.Action.Progress;
import org.sinkcheck.model.Action.ProgressThrows;
import org.sinkcheck.model.Action.StaleHandle;

/**
 * The executable mirror of CancelAll.tla: its initial state, each action's enabling condition and
 * effect, written to match the TLA+ definitions line by line. It is the oracle of the conformance kit,
 * the soak test and Lincheck; {@code ModelEqualsTlcTest} proves that its reachable states and labelled
 * transitions equal TLC's state graph at the CI bounds.
 */
public final class Model {
    private final Bounds bounds;

    public Model(Bounds bounds) {
        this.bounds = bounds;
    }

    public Bounds bounds() { return bounds; }

    /** {@code Init}. */
    public ModelState initial() {
        return ModelState.initial(bounds);
    }

    /** Every action enabled in {@code state}, in a fixed order (TLA+'s {@code Next}, unrolled). */
    public List<Action> enabled(ModelState state) {
        List<Action> actions = new ArrayList<>();
        for (int s = 0; s < bounds.sinks(); s++) {
            for (int c = 0; c < bounds.calls(); c++) {
                if (state.status(c) == Status.UNBORN) actions.add(new Begin(s, c));
            }
            actions.add(new Cancel(s));
        }
        for (int c = 0; c < bounds.calls(); c++) {
            Status st = state.status(c);
            if (canSignal(state, c)) {
                actions.add(new Deliver(c));
                actions.add(new Progress(c));
            }
            if (st == Status.PENDING && !bounds.isEndless(c)) {
                actions.add(new Complete(c));
                actions.add(new Fail(c));
            }
            if (st.isFinal()) actions.add(new StaleHandle(c));
            if (st == Status.PENDING) {
                for (int s = 0; s < bounds.sinks(); s++) {
                    if (s != state.owner(c)) actions.add(new ForeignHandle(c, s));
                }
            }
        }
        for (int s = 0; s < bounds.sinks(); s++) actions.add(new ForgedHandle(s));
        for (int c = 0; c < bounds.calls(); c++) {
            if (canSignal(state, c)) {
                actions.add(new ListenerThrows(c));
                actions.add(new CancelInCallback(c));
            }
        }
        return actions;
    }

    /**
     * The listener's actions beyond the spec's {@code Next}, enabled in {@code state}: throw from a
     * progress callback ({@link ProgressThrows}, which CancelAll.tla does not have), and cancel from
     * inside a progress or final callback ({@link CancelInProgress}, {@link CancelInFinal}, which it has
     * as two of its steps). They are not edges of {@link StateGraph}, whose graph is TLC's; the random
     * walks of the kit play them.
     */
    public List<Action> enabledBeyondTheSpec(ModelState state) {
        List<Action> actions = new ArrayList<>();
        for (int c = 0; c < bounds.calls(); c++) {
            if (canSignal(state, c)) {
                actions.add(new ProgressThrows(c));
                actions.add(new CancelInProgress(c));
            }
            if (state.status(c) == Status.PENDING) {
                if (!bounds.isEndless(c)) {
                    actions.add(new CancelInFinal(c, Status.COMPLETED));
                    actions.add(new CancelInFinal(c, Status.FAILED));
                }
                actions.add(new CancelInFinal(c, Status.CANCELLED));
            }
        }
        return actions;
    }

    /**
     * Whether {@code action}'s enabling condition holds in {@code state}: one of {@link #enabled} or of
     * {@link #enabledBeyondTheSpec}. Decided from the action's own guard, without listing the others
     * (ModelTest checks it agrees with both lists).
     */
    public boolean isEnabled(ModelState state, Action action) {
        int c = action.call();
        if (c >= bounds.calls() || (c < 0 && !(action instanceof Cancel || action instanceof ForgedHandle))) return false;
        if (action instanceof Begin a) return a.sink() >= 0 && a.sink() < bounds.sinks() && state.status(c) == Status.UNBORN;
        if (action instanceof Cancel a) return a.sink() >= 0 && a.sink() < bounds.sinks();
        if (action instanceof ForgedHandle a) return a.sink() >= 0 && a.sink() < bounds.sinks();
        if (action instanceof Deliver || action instanceof Progress || action instanceof ListenerThrows
                || action instanceof CancelInCallback || action instanceof ProgressThrows || action instanceof CancelInProgress) {
            return canSignal(state, c);
        }
        if (action instanceof Complete || action instanceof Fail) return state.status(c) == Status.PENDING && !bounds.isEndless(c);
        if (action instanceof CancelInFinal a) {
            return state.status(c) == Status.PENDING && (a.fin() == Status.CANCELLED || !bounds.isEndless(c));
        }
        if (action instanceof StaleHandle) return state.status(c).isFinal();
        if (action instanceof ForeignHandle a) {
            return a.sink() >= 0 && a.sink() < bounds.sinks() && state.status(c) == Status.PENDING && state.owner(c) != a.sink();
        }
        return false;
    }

    /** {@code CanSignal(c)}. */
    public boolean canSignal(ModelState state, int call) {
        return state.status(call) == Status.PENDING && state.signalCount(call) < bounds.maxSignals();
    }

    /**
     * The successor of {@code state} under {@code action}. The action must be enabled
     * ({@link #isEnabled}); this is not checked here, for speed on long walks.
     */
    public ModelState apply(ModelState state, Action action) {
        ModelState.Builder next = state.toBuilder();
        if (action instanceof Begin a) {
            next.owner[a.call()] = a.sink();
            next.status[a.call()] = Status.PENDING;
            next.registry(a.sink())[a.call()] = true;
        } else if (action instanceof Cancel a) {
            cancelAll(state, next, a.sink());
        } else if (action instanceof Deliver a) {
            next.hear(state.owner(a.call()), a.call(), EventKind.OBJECT);
        } else if (action instanceof Progress a) {
            next.hear(state.owner(a.call()), a.call(), EventKind.PROGRESS);
        } else if (action instanceof Complete a) {
            end(state, next, a.call(), Status.COMPLETED);
        } else if (action instanceof Fail a) {
            end(state, next, a.call(), Status.FAILED);
        } else if (action instanceof ListenerThrows || action instanceof ProgressThrows) {
            throwFrom(state, next, action.call(), action instanceof ListenerThrows ? EventKind.OBJECT : EventKind.PROGRESS);
        } else if (action instanceof CancelInCallback || action instanceof CancelInProgress) {
            cancelFrom(state, next, action.call(), action instanceof CancelInCallback ? EventKind.OBJECT : EventKind.PROGRESS);
        } else if (action instanceof CancelInFinal a) {
            // the final first, then the cancel from inside its callback: what remains pending of the sink
            ModelState ended = a.fin() == Status.CANCELLED ? state : apply(state, a.fin() == Status.COMPLETED
                    ? new Complete(a.call()) : new Fail(a.call()));
            ModelState.Builder cancelled = ended.toBuilder();
            cancelAll(ended, cancelled, state.owner(a.call()));
            return cancelled.build();
        } else if (action instanceof StaleHandle || action instanceof ForeignHandle || action instanceof ForgedHandle) {
            return state;  // refused: UNCHANGED vars
        } else {
            throw new IllegalArgumentException("unknown action " + action);
        }
        return next.build();
    }

    /** The listener throws from its {@code kind} callback of {@code call}: that call, and only it, is cancelled (SC-15). */
    private static void throwFrom(ModelState before, ModelState.Builder next, int call, EventKind kind) {
        next.hear(before.owner(call), call, kind);
        end(before, next, call, Status.CANCELLED);
        next.faulted[call] = true;
    }

    /** The listener cancels its own sink from inside its {@code kind} callback of {@code call} (SC-16). */
    private static void cancelFrom(ModelState before, ModelState.Builder next, int call, EventKind kind) {
        next.hear(before.owner(call), call, kind);
        cancelAll(before, next, before.owner(call));
    }

    /** {@code Cancel(s)}: every call of s pending in {@code before} becomes cancelled; s's registry empties. */
    private static void cancelAll(ModelState before, ModelState.Builder next, int sink) {
        for (int c : before.pendingOf(sink)) {
            next.status[c] = Status.CANCELLED;
            next.hear(sink, c, EventKind.CANCELLED);
        }
        java.util.Arrays.fill(next.registry(sink), false);
    }

    /** {@code Ends(c, final)}: the call gets its final and leaves its sink's registry. */
    private static void end(ModelState before, ModelState.Builder next, int call, Status fin) {
        int sink = before.owner(call);
        next.status[call] = fin;
        next.hear(sink, call, EventKind.finalOf(fin));
        next.registry(sink)[call] = false;
    }
}
