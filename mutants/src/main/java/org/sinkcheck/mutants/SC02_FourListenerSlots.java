package org.sinkcheck.mutants;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.sinkcheck.sink.SinkListener;

/**
 * SC-02 broken with five or more sinks: callbacks are dispatched through a table of four listener slots,
 * indexed by the sink's number; a fifth sink takes the first one's slot, and the first sink's calls are
 * heard by the fifth sink's listener. Up to four sinks at a time, every sink has a slot of its own.
 */
@BugPattern("a fixed table of four listener slots: the fifth sink's listener hears the first sink's calls")
public class SC02_FourListenerSlots extends BaseSink {
    private static final AtomicReferenceArray<SinkListener<Object>> SLOTS = new AtomicReferenceArray<>(4);
    private static final AtomicInteger SINKS = new AtomicInteger();
    private final int slot = SINKS.getAndIncrement() % SLOTS.length();

    {
        SLOTS.set(slot, super.listener());
    }

    @Override
    protected SinkListener<Object> listener() { return SLOTS.get(slot); }

    public static final class Adapter extends MutantAdapter {}
}
