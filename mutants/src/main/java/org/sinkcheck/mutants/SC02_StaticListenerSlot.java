package org.sinkcheck.mutants;

import org.sinkcheck.sink.SinkListener;

/**
 * SC-02 broken: the listener is kept in a static field, so every sink calls back the listener of the
 * sink created last: one sink's listener hears the calls of all of them.
 */
@BugPattern("a listener hears calls of another sink (listener kept in a static field)")
public class SC02_StaticListenerSlot extends BaseSink {
    private static SinkListener<Object> newestListener;

    private static synchronized void publish(SinkListener<Object> listener) { newestListener = listener; }

    {
        publish(super.listener());
    }

    @Override
    protected SinkListener<Object> listener() {
        synchronized (SC02_StaticListenerSlot.class) {
            return newestListener;
        }
    }

    public static final class Adapter extends MutantAdapter {}
}
