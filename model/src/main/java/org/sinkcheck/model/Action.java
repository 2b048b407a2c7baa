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

    /** The listener throws from the object callback of {@code call}. */
    record ListenerThrows(int call) implements Action {
        @Override public String toString() { return "deliver to " + Bounds.callName(call) + " and the listener throws"; }
    }

    /** The listener cancels its own sink from inside the object callback of {@code call}. */
    record CancelInCallback(int call) implements Action {
        @Override public String toString() { return "deliver to " + Bounds.callName(call) + " and the listener cancels its sink"; }
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
