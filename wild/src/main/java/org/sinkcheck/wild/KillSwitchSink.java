package org.sinkcheck.wild;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.SharedKillSwitch;
import org.sinkcheck.kit.Events;

/**
 * A kill-switch sink: one {@link SharedKillSwitch}, the kit's listener its streams report to, the streams
 * materialized through it, and whether the adapter has fired the switch: Pekko has no way to ask a switch
 * whether it fired, so the adapter remembers that it did.
 */
public final class KillSwitchSink {
    private final SharedKillSwitch killSwitch;
    private final Events events;
    private final Set<SwitchedStream> streams = ConcurrentHashMap.newKeySet();
    private volatile boolean fired;
    /**
     * Counts the callbacks of the sink's streams that returned. A callback may fire the switch (a listener
     * that cancels), which ends the other streams, so a settle takes the count before and after it looks
     * at every stream: unchanged, no callback ended while it looked.
     */
    private final AtomicLong callbacksReturned = new AtomicLong();

    KillSwitchSink(String name, Events events) {
        this.killSwitch = KillSwitches.shared(name);
        this.events = events;
    }

    SharedKillSwitch killSwitch() { return killSwitch; }

    Events events() { return events; }

    Set<SwitchedStream> streams() { return streams; }

    boolean fired() { return fired; }

    AtomicLong callbacksReturned() { return callbacksReturned; }

    /** Fires the switch: {@code abort} with {@code cause}, which fails every stream through it. */
    void abort(Throwable cause) {
        fired = true;
        killSwitch.abort(cause);
    }
}
