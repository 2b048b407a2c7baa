package org.sinkcheck.model;

/**
 * One action of CancelAll.tla with its parameters. {@link #tlaName()} is the label TLC puts on the
 * state-graph edge; {@link #toString()} is what a person reads in a counterexample.
 */
public sealed interface Action {

    /** The TLA+ operator this action is: each record here is named as its action in CancelAll.tla. */
    default String tlaName() { return getClass().getSimpleName(); }

    /**
     * The call this action begins, signals, ends or presents the handle of; -1 for a cancel and a forged
     * handle. (The records with a {@code call} component implement it by that component.)
     */
    default int call() { return -1; }

    record Begin(int sink, int call) implements Action {
        @Override public String toString() { return "begin " + Bounds.callName(call) + " on " + Bounds.sinkName(sink); }
    }

    record Cancel(int sink) implements Action {
        @Override public String toString() { return "cancel " + Bounds.sinkName(sink); }
    }

    record Deliver(int call) implements Action {
        @Override public String toString() { return "deliver an object to " + Bounds.callName(call); }
    }

    record Progress(int call) implements Action {
        @Override public String toString() { return "report progress of " + Bounds.callName(call); }
    }

    record Complete(int call) implements Action {
        @Override public String toString() { return "complete " + Bounds.callName(call); }
    }

    record Fail(int call) implements Action {
        @Override public String toString() { return "fail " + Bounds.callName(call); }
    }

    /**
     * An action in which the listener acts from inside one callback of {@link #call()}: it throws
     * ({@code SC-15}) or cancels its own sink ({@code SC-16}). CancelAll.tla names two of them,
     * {@code ListenerThrows} and {@code CancelInCallback}, both in the object callback; the others are
     * the executable model's, beyond the spec ({@link Model#enabledBeyondTheSpec}).
     */
    sealed interface InCallback extends Action {
        /** The callback the listener acts in. */
        EventKind callback();

        /** True if the listener cancels its sink there, false if it throws. */
        boolean cancels();
    }

    /** The listener throws from the object callback of {@code call}. */
    record ListenerThrows(int call) implements InCallback {
        @Override public EventKind callback() { return EventKind.OBJECT; }
        @Override public boolean cancels() { return false; }
        @Override public String toString() { return "deliver to " + Bounds.callName(call) + " and the listener throws"; }
    }

    /** The listener cancels its own sink from inside the object callback of {@code call}. */
    record CancelInCallback(int call) implements InCallback {
        @Override public EventKind callback() { return EventKind.OBJECT; }
        @Override public boolean cancels() { return true; }
        @Override public String toString() { return "deliver to " + Bounds.callName(call) + " and the listener cancels its sink"; }
    }

    /**
     * Beyond the spec: the listener throws from the progress callback of {@code call}. The model treats it
     * as {@code ListenerThrows} with the event {@code "progress"}: CancelAll.tla has no such step (its
     * {@code ListenerThrows} hears an object), so TLC never checked it.
     */
    record ProgressThrows(int call) implements InCallback {
        @Override public EventKind callback() { return EventKind.PROGRESS; }
        @Override public boolean cancels() { return false; }
        @Override public String tlaName() { return "ListenerThrows(progress)"; }
        @Override public String toString() { return "report progress of " + Bounds.callName(call) + " and the listener throws"; }
    }

    /**
     * Beyond the spec's action list, not its behaviours: the listener cancels its own sink from inside
     * the progress callback of {@code call}. CancelAll.tla allows it as two steps, {@code Progress(c)}
     * then {@code Cancel(s)} (its {@code CancelInCallback} is the same pair with an object).
     */
    record CancelInProgress(int call) implements InCallback {
        @Override public EventKind callback() { return EventKind.PROGRESS; }
        @Override public boolean cancels() { return true; }
        @Override public String tlaName() { return "Progress then Cancel"; }
        @Override public String toString() { return "report progress of " + Bounds.callName(call) + " and the listener cancels its sink"; }
    }

    /**
     * Beyond the spec's action list, not its behaviours: {@code call} gets its final {@code fin} — its
     * provider completes or fails it, or (for {@code CANCELLED}) its sink is cancelled — and the listener
     * cancels its own sink from inside that final callback. CancelAll.tla allows it as two steps:
     * {@code Complete(c)} (or {@code Fail(c)}, or {@code Cancel(s)}) then {@code Cancel(s)}.
     */
    record CancelInFinal(int call, Status fin) implements InCallback {
        public CancelInFinal {
            if (!fin.isFinal()) throw new IllegalArgumentException("not a final: " + fin);
        }

        @Override public EventKind callback() { return EventKind.finalOf(fin); }
        @Override public boolean cancels() { return true; }
        @Override public String tlaName() { return (fin == Status.CANCELLED ? "Cancel" : fin == Status.COMPLETED ? "Complete" : "Fail") + " then Cancel"; }
        @Override public String toString() {
            String how = fin == Status.CANCELLED ? "cancel the sink of " + Bounds.callName(call)
                    : (fin == Status.COMPLETED ? "complete " : "fail ") + Bounds.callName(call);
            return how + " and the listener cancels its sink from " + EventKind.finalOf(fin).tla();
        }
    }

    /** A provider signals {@code call}, which already has its final. */
    record StaleHandle(int call) implements Action {
        @Override public String toString() { return "signal " + Bounds.callName(call) + " after its final (stale handle)"; }
    }

    /** {@code call}'s handle is presented to {@code sink}, which did not issue it. */
    record ForeignHandle(int call, int sink) implements Action {
        @Override public String toString() { return "present " + Bounds.callName(call) + "'s handle to " + Bounds.sinkName(sink) + " (foreign handle)"; }
    }

    /** A handle no sink issued is presented to {@code sink}. */
    record ForgedHandle(int sink) implements Action {
        @Override public String toString() { return "present a forged handle to " + Bounds.sinkName(sink); }
    }
}
