package org.sinkcheck.stress;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.sinkcheck.model.Violation;
import org.sinkcheck.model.ProviderAnswers;
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

    /** Volatile: the thread that begins the call may hand it to another that signals it. */
    volatile Object handle;
    final ProviderAnswers answers = new ProviderAnswers();
    /** The objects that batches the sink refused may still have delivered (those before the cut). */
    final AtomicInteger objectsOfRefusedBatches = new AtomicInteger();

    RaceCall(String name, int sink, boolean beganBeforeRace) {
        this.name = name;
        this.sink = sink;
        this.begunBeforeAnyCancel = beganBeforeRace;
    }

    /** A snapshot of what the listener heard of this call. */
    List<EventKind> heard() { return List.copyOf(heard); }

    @Override
    public String toString() { return name; }
}
