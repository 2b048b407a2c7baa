package org.sinkcheck.stress;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.sinkcheck.model.ProviderAnswers;
import org.sinkcheck.model.EventKind;

/**
 * One call taking part in a race: the context the sink carries back on every callback (this object
 * itself), the handle the sink issued, what the call's listener heard, in the order the callbacks
 * started, and what the sink answered the provider.
 *
 * <p>Each call is begun and signalled by at most one actor, so the provider-side fields are plain;
 * jcstress orders every actor before the arbiter that reads them. The listener side is a lock-free
 * queue because callbacks of one call may arrive on any actor's thread.
 */
public final class RaceCall {
    final String name;
    final int sink;
    final boolean beganBeforeRace;
    final ConcurrentLinkedQueue<EventKind> heard = new ConcurrentLinkedQueue<>();
    /** How many callbacks of this call are running right now; more than one breaks SC-09. */
    final AtomicInteger inCallback = new AtomicInteger();
    /** Runs inside this call's object callback, on the listener's thread: a listener that cancels, or dawdles. */
    volatile Runnable onObject;

    Object handle;
    final ProviderAnswers answers = new ProviderAnswers();
    /** The objects that batches the sink refused may still have delivered (those before the cut). */
    int objectsOfRefusedBatches;

    RaceCall(String name, int sink, boolean beganBeforeRace) {
        this.name = name;
        this.sink = sink;
        this.beganBeforeRace = beganBeforeRace;
    }

    /** A snapshot of what the listener heard of this call. */
    List<EventKind> heard() { return List.copyOf(heard); }

    @Override
    public String toString() { return name; }
}
