package org.sinkcheck.mutants;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import org.sinkcheck.sink.SinkListener;

/**
 * SC-02 broken for sinks that share a listener: the sinks are grouped by their listener (so that "cancel
 * everything this callback is waiting for" is one call), and cancel ends the calls of every sink of the
 * group. A kit that gives every sink a listener of its own never sees it.
 */
@BugPattern("sinks grouped by their listener: cancel of one ends the calls of every sink sharing it")
public class SC02_CancelSpreadsThroughASharedListener extends BaseSink {
    /** The sinks of each listener; weak both ways, so that finished tests' sinks and listeners go. */
    private static final Map<SinkListener<Object>, Set<SC02_CancelSpreadsThroughASharedListener>> BY_LISTENER =
            Collections.synchronizedMap(new WeakHashMap<>());

    private final SinkListener<Object> own = super.listener();

    {
        BY_LISTENER.computeIfAbsent(own, l -> Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()))).add(this);
    }

    @Override
    public void cancel() {
        Set<SC02_CancelSpreadsThroughASharedListener> group = BY_LISTENER.get(own);
        SC02_CancelSpreadsThroughASharedListener[] sinks;
        synchronized (group) {
            sinks = group.toArray(new SC02_CancelSpreadsThroughASharedListener[0]);
        }
        for (SC02_CancelSpreadsThroughASharedListener sink : sinks) sink.cancelOwn();   // the bug: the whole group
    }

    private void cancelOwn() { super.cancel(); }

    public static final class Adapter extends MutantAdapter {}
}
