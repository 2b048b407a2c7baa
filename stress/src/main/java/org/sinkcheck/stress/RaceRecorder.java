package org.sinkcheck.stress;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.sinkcheck.kit.Events;
import org.sinkcheck.kit.SinkAdapter;
import org.sinkcheck.model.EventKind;
import org.sinkcheck.spec.Rule;

/**
 * The shared stage of every race: one or two sinks of the sink under test (named {@code A}, {@code B}),
 * the calls taking part, and the listeners that record what each call heard. The jcstress tests in
 * {@code org.sinkcheck.stress.races} only say <em>which</em> operations race; this class performs them
 * through the adapter and remembers the sink's answers, and {@link EndState} grades the result.
 *
 * <p>Every call's context is its {@link RaceCall}, so a callback that carries a wrong context, or reaches
 * the listener of a sink that does not own the call, is caught as a stray (SC-09, SC-02).
 *
 * <p>Not thread-safe by itself: a race declares its calls in its constructor, and each call is begun and
 * signalled by one actor; only {@link #cancel} may run on several actors at once.
 */
public final class RaceRecorder {
    /** What every accepted {@code deliver} hands to the listener. */
    private static final Object PAYLOAD = "object";

    final SinkAdapter<Object, Object> adapter = SinkUnderTest.adapter();
    final List<Object> sinks = new ArrayList<>();
    final List<RaceCall> calls = new ArrayList<>();
    /** Sinks on which some actor's {@code cancel()} returned; written by actors, read by the arbiter. */
    final boolean[] cancelReturned;
    /** Sinks cancelled from inside a listener callback, whose calls SC-16 (not only SC-01) says must end. */
    final boolean[] cancelledInsideCallback;
    /** Callbacks that reached a listener they do not belong to, each with the rule it breaks. */
    final ConcurrentLinkedQueue<Violation> strays = new ConcurrentLinkedQueue<>();

    /** A race over {@code sinkCount} fresh sinks (1 or 2). */
    public RaceRecorder(int sinkCount) {
        for (int s = 0; s < sinkCount; s++) sinks.add(adapter.newSink(new Listener(s)));
        cancelReturned = new boolean[sinkCount];
        cancelledInsideCallback = new boolean[sinkCount];
    }

    /** The name of sink {@code index} in outcomes: {@code A}, {@code B}. */
    static String sinkName(int index) { return String.valueOf((char) ('A' + index)); }

    /** A call begun on sink {@code sink} now, before any actor runs: pending when the race starts. */
    public RaceCall pendingCall(String name, int sink) {
        RaceCall call = declare(name, sink, true);
        call.handle = adapter.begin(sinks.get(sink), call);
        return call;
    }

    /** A call that an actor will begin with {@link #begin}. */
    public RaceCall laterCall(String name, int sink) {
        return declare(name, sink, false);
    }

    private RaceCall declare(String name, int sink, boolean beganBeforeRace) {
        RaceCall call = new RaceCall(name, sink, beganBeforeRace);
        calls.add(call);
        return call;
    }

    /** Makes {@code call}'s object callback cancel the call's own sink from inside the listener (SC-16). */
    public void cancelFromInsideObjectCallbackOf(RaceCall call) {
        call.onObject = () -> {
            cancelledInsideCallback[call.sink] = true;
            cancel(call.sink);
        };
    }

    public void begin(RaceCall call) {
        call.handle = adapter.begin(sinks.get(call.sink), call);
    }

    public void deliver(RaceCall call) {
        countSignal(call, adapter.deliver(sinks.get(call.sink), call.handle, PAYLOAD));
    }

    public void progress(RaceCall call) {
        countSignal(call, adapter.progress(sinks.get(call.sink), call.handle));
    }

    private static void countSignal(RaceCall call, boolean accepted) {
        if (accepted) call.signalsAccepted++;
        else call.signalsRefused++;
    }

    public void complete(RaceCall call) {
        call.completeAccepted = adapter.complete(sinks.get(call.sink), call.handle);
    }

    public void fail(RaceCall call) {
        call.failAccepted = adapter.fail(sinks.get(call.sink), call.handle, new IllegalStateException("provider failed"));
    }

    public void cancel(int sink) {
        adapter.cancel(sinks.get(sink));
        cancelReturned[sink] = true;
    }

    /** Grades the race once every actor has returned: the verdict string jcstress counts (see {@link EndState}). */
    public String endState() {
        return new EndState(this).verdict();
    }

    List<RaceCall> callsOf(int sink) {
        List<RaceCall> own = new ArrayList<>();
        for (RaceCall call : calls) if (call.sink == sink) own.add(call);
        return Collections.unmodifiableList(own);
    }

    /** The listener of sink {@code sink}: files each callback under the call its context names. */
    private final class Listener implements Events {
        private final int sink;

        Listener(int sink) { this.sink = sink; }

        private void hear(Object context, EventKind event) {
            if (!(context instanceof RaceCall) || !calls.contains(context)) {
                strays.add(new Violation(Rule.SC09, sinkName(sink) + ":" + event.tla() + "-with-unknown-context"));
                return;
            }
            RaceCall call = (RaceCall) context;
            if (call.sink != sink) {
                strays.add(new Violation(Rule.SC02, sinkName(sink) + ":heard-" + event.tla() + "-of-" + call.name));
                return;
            }
            call.heard.add(event);
        }

        @Override
        public void object(Object context, Object object) {
            hear(context, EventKind.OBJECT);
            if (context instanceof RaceCall && ((RaceCall) context).onObject != null) ((RaceCall) context).onObject.run();
        }

        @Override public void progress(Object context) { hear(context, EventKind.PROGRESS); }

        @Override public void completed(Object context) { hear(context, EventKind.COMPLETED); }

        @Override public void failed(Object context, Throwable error) { hear(context, EventKind.FAILED); }

        @Override public void cancelled(Object context) { hear(context, EventKind.CANCELLED); }

        /** No race makes a listener throw, so any report is one the sink invented or misrouted. */
        @Override
        public void listenerError(Object context, Throwable error) {
            strays.add(new Violation(Rule.SC15, sinkName(sink) + ":reported-a-listener-error-nobody-threw"));
        }
    }
}
