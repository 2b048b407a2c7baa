package org.sinkcheck.stress;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.sinkcheck.model.Violation;
import org.sinkcheck.model.ProviderAnswers;
import org.sinkcheck.model.CallHistory;
import org.sinkcheck.model.EventKind;

/**
 * One call taking part in a race: the context the sink carries back on every callback (this object
 * itself), the handle the sink issued, what the call's listener heard, in the order the callbacks
 * started, and what the sink answered the provider.
 *
 * <p>A call may be begun on one thread and signalled from others (an actor hands it to another actor or
 * to the event loop, two providers race on it), so every field is safe to write from any thread; the
 * arbiter reads them after every actor and every task it handed to the event loop has returned.
 */
public final class RaceCall {
    final String name;
    final int sink;
    /**
     * Whether the call's begin returned before any cancel of its sink started: then the cancel must end
     * it (SC-01), and every signal sent after such a cancel returned must be refused (SC-04, SC-05),
     * whatever the sink settles to later.
     */
    volatile boolean begunBeforeAnyCancel;
    /** Signals the sink accepted although a cancel of the call's sink had returned before they were sent. */
    final ConcurrentLinkedQueue<Violation> acceptedAfterCancelReturned = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<EventKind> heard = new ConcurrentLinkedQueue<>();
    /** How many callbacks of this call are running right now; more than one breaks SC-09. */
    final AtomicInteger inCallback = new AtomicInteger();
    /** Runs inside this call's object callback, on the listener's thread: a listener that cancels, or dawdles. */
    volatile Runnable onObject;
    /** Runs inside this call's final callback, on the listener's thread. */
    volatile Runnable onFinal;
    /** Where in {@link #heard} the first callback that started while another of this call ran is; -1 if none. Guarded by this. */
    private int overlapAt = -1;
    /** How many events {@link #heard} holds; guarded by this, so that an event's place and its overlap are noted together. */
    private int heardCount;

    /** Volatile: the thread that begins the call may hand it to another that signals it. */
    volatile Object handle;
    final ProviderAnswers answers = new ProviderAnswers();
    /** Whether a complete, a fail was sent: what an adapter that observes acceptance gives, instead of answers. */
    volatile boolean completeSent;
    volatile boolean failSent;
    /** The objects that batches the sink refused may still have delivered (those before the cut). */
    final AtomicInteger objectsOfRefusedBatches = new AtomicInteger();

    RaceCall(String name, int sink, boolean beganBeforeRace) {
        this.name = name;
        this.sink = sink;
        this.begunBeforeAnyCancel = beganBeforeRace;
    }

    /**
     * The provider's answers as this call's callbacks show them, for an adapter that observes acceptance
     * ({@code SinkAdapter.observesAcceptance}): every object and progress heard was accepted, a complete
     * (a fail) sent was accepted exactly when the call's first final is completed (failed). Read once settled.
     */
    ProviderAnswers observedAnswers() {
        List<EventKind> heard = heard();
        EventKind fin = CallHistory.of(heard).firstFinal();
        ProviderAnswers observed = new ProviderAnswers();
        observed.accepted((int) heard.stream().filter(e -> !e.isFinal()).count());
        if (completeSent) observed.answeredComplete(fin == EventKind.COMPLETED);
        if (failSent) observed.answeredFail(fin == EventKind.FAILED);
        if (answers.signalThrew()) observed.threw();
        return observed;
    }

    /**
     * A callback of this call started with {@code event}: files it in the order callbacks start, and notes
     * it as the first overlap if another callback of the call (on another thread, or the one it is nested
     * in) is still running.
     */
    synchronized void started(EventKind event) {
        boolean overlapping = inCallback.getAndIncrement() > 0;
        heard.add(event);
        if (overlapping && overlapAt < 0) overlapAt = heardCount;
        heardCount++;
    }

    /** Where the first overlapping callback is in {@link #heard()}, for {@code CallHistory.overlapAt}; -1 if none. Read once settled. */
    synchronized int overlapAt() { return overlapAt; }

    /** A snapshot of what the listener heard of this call. */
    List<EventKind> heard() { return List.copyOf(heard); }

    @Override
    public String toString() { return name; }
}
