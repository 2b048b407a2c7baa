package org.sinkcheck.kit.run;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntFunction;
import org.sinkcheck.kit.Adapters;
import org.sinkcheck.kit.Events;
import org.sinkcheck.model.Bounds;
import org.sinkcheck.model.EventKind;

/**
 * The listener of one sink under test: records, per call and in order, every event it hears, and plays
 * the listener's part in the model's actions (throw from an object or progress callback, cancel the sink
 * from inside any callback, and, when asked, throw from every final). Events are told apart only by the identity of the
 * context the kit passed to {@code begin} ({@link CallContext}); anything else is a stray (SC-09, SC-14). It keeps
 * no context and no delivered object: what it holds must not keep a finished call reachable ({@link Reachability}).
 *
 * <p>It also watches what no single event shows: a callback of a call starting while another callback
 * of the same call is still running (SC-09, serial callbacks).
 */
final class ScriptedListener implements Events {

    /** What the kit's listener throws on purpose; a sink must contain it (SC-15). */
    static final class ListenerFault extends RuntimeException {
        ListenerFault(String message) {
            super(message, null, false, false);
        }
    }

    /** The run whose contexts this listener knows. */
    private final Object run;
    /** Per call, all the model has it hear once the current step is done: tells apart the calls of one context. */
    private IntFunction<List<EventKind>> expected = c -> List.of();
    private final List<List<EventKind>> heard = new ArrayList<>();
    private final int[] errors;
    /** Per call, how often this listener threw from its callbacks on purpose. */
    private final int[] thrown;
    private final int[] running;
    private final BitSet touched = new BitSet();
    private final List<String> strays = new ArrayList<>();
    private final List<String> overlaps = new ArrayList<>();
    private final List<String> nestedCancelErrors = new ArrayList<>();
    private final boolean throwFromFinals;
    /** The listener's part in an {@code InCallback} action: in the next {@code armedOn} callback of {@code armedCall}, ... */
    private int armedCall = -1;
    private EventKind armedOn;
    /** ... cancel its sink through this, or throw if it is null. */
    private Runnable armedCancel;

    /** @param run the run whose {@link CallContext}s name the calls this listener hears of */
    ScriptedListener(Object run, int calls, boolean throwFromFinals) {
        this.run = run;
        this.errors = new int[calls];
        this.thrown = new int[calls];
        this.running = new int[calls];
        this.throwFromFinals = throwFromFinals;
        for (int c = 0; c < calls; c++) heard.add(new ArrayList<>());
    }

    // ---- the listener's part in the model's actions ----

    /** {@code ListenerThrows(c)}, {@code ProgressThrows(c)}: the next {@code callback} of {@code call} throws. */
    synchronized void throwOnNext(EventKind callback, int call) { arm(callback, call, null); }

    /** {@code CancelInCallback(c)} and the like: the next {@code callback} of {@code call} runs {@code cancel}, its sink's. */
    synchronized void cancelOnNext(EventKind callback, int call, Runnable cancel) { arm(callback, call, cancel); }

    private void arm(EventKind callback, int call, Runnable cancel) {
        armedCall = call;
        armedOn = callback;
        armedCancel = cancel;
    }

    synchronized void disarm() { arm(null, -1, null); }

    /** What the model has each call hear once the step about to be played is done. */
    synchronized void expect(IntFunction<List<EventKind>> heardAfterTheStep) { expected = heardAfterTheStep; }

    /**
     * The call an event of {@code kind} with {@code context} is of, or -1 for a context of no call. Of the calls
     * begun with that very object, the first one the model has hear {@code kind} next and none of whose callbacks
     * is running (a callback of a running call would overlap it: the sink more likely meant another call of the
     * context, as when a cancel from inside one call's callback tells the other calls at once); then the first one
     * the model has hear {@code kind} next; then the first one still expecting anything (the difference is then
     * charged to it), else the first.
     */
    private int callOf(Object context, EventKind kind) {
        int[] calls = CallContext.callsOf(context, run);
        if (calls == null) return -1;
        if (calls.length == 1) return calls[0];
        int next = -1;
        int open = -1;
        for (int c : calls) {
            List<EventKind> expect = expected.apply(c);
            int had = heard.get(c).size();
            if (had < expect.size() && expect.get(had) == kind) {
                if (running[c] == 0) return c;
                if (next < 0) next = c;
            }
            if (had < expect.size() && open < 0) open = c;
        }
        return next >= 0 ? next : open >= 0 ? open : calls[0];
    }

    // ---- what was observed ----

    synchronized List<EventKind> heard(int call) { return List.copyOf(heard.get(call)); }

    /** Whether this listener heard exactly {@code expected} of {@code call}: the common case, without a copy. */
    synchronized boolean heardExactly(int call, List<EventKind> expected) { return heard.get(call).equals(expected); }

    synchronized int errorsReported(int call) { return errors[call]; }

    /** The calls this listener heard of, or had errors reported for, since the last call; then forgets them. */
    synchronized BitSet takeTouched() {
        BitSet out = (BitSet) touched.clone();
        touched.clear();
        return out;
    }

    synchronized List<String> takeStrays() { return drain(strays); }

    synchronized List<String> takeOverlaps() { return drain(overlaps); }

    synchronized List<String> takeNestedCancelErrors() { return drain(nestedCancelErrors); }

    private static List<String> drain(List<String> list) {
        List<String> out = List.copyOf(list);
        list.clear();
        return out;
    }

    // ---- Events ----

    @Override
    public synchronized void object(Object context, Object object) {
        int call = callOf(context, EventKind.OBJECT);
        if (call < 0) {
            strays.add("heard an object with a context no call was begun with: " + context);
            return;
        }
        enter(call);
        try {
            heard.get(call).add(EventKind.OBJECT);
            actIfArmed(call, EventKind.OBJECT);
        } finally {
            running[call]--;
        }
    }

    @Override
    public synchronized void progress(Object context) { plain(context, EventKind.PROGRESS); }

    @Override
    public synchronized void completed(Object context) { plain(context, EventKind.COMPLETED); }

    @Override
    public synchronized void failed(Object context, Throwable error) { plain(context, EventKind.FAILED); }

    @Override
    public synchronized void cancelled(Object context) { plain(context, EventKind.CANCELLED); }

    @Override
    public synchronized void listenerError(Object context, Throwable error) {
        int call = thrower(context);
        if (call < 0) {
            strays.add("a listener error was reported with a context no call was begun with: " + context);
        } else {
            errors[call]++;
            touched.set(call);
        }
    }

    /** The call an error reported with {@code context} is of: of the calls begun with it, the first this listener threw for more often than reported. */
    private int thrower(Object context) {
        int[] calls = CallContext.callsOf(context, run);
        if (calls == null) return -1;
        for (int c : calls) if (errors[c] < thrown[c]) return c;
        return calls[0];
    }

    private void plain(Object context, EventKind kind) {
        int call = callOf(context, kind);
        if (call < 0) {
            strays.add("heard " + kind.tla() + " with a context no call was begun with: " + context);
            return;
        }
        enter(call);
        try {
            heard.get(call).add(kind);
            actIfArmed(call, kind);
            if (kind.isFinal() && throwFromFinals) {
                thrown[call]++;
                throw new ListenerFault("thrown on purpose from a final callback by the kit's listener (SC-15)");
            }
        } finally {
            running[call]--;
        }
    }

    /** The listener's part in an {@code InCallback} action, if this is the callback it was armed for. */
    private void actIfArmed(int call, EventKind kind) {
        if (armedCall != call || armedOn != kind) return;
        Runnable cancel = armedCancel;
        disarm();
        if (cancel == null) {
            thrown[call]++;
            throw new ListenerFault("thrown on purpose by the kit's listener (SC-15)");
        }
        try {
            cancel.run();
        } catch (RuntimeException e) {
            nestedCancelErrors.add(Adapters.oneLine(e));
        }
    }

    private void enter(int call) {
        if (running[call] > 0) {
            overlaps.add("a callback of " + Bounds.callName(call) + " started while another callback of it was still running");
        }
        running[call]++;
        touched.set(call);
    }
}
