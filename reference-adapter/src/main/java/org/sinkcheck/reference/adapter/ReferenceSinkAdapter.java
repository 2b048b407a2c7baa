package org.sinkcheck.reference.adapter;

import java.util.function.BiConsumer;
import org.sinkcheck.kit.SinkApiAdapter;
import org.sinkcheck.reference.ReferenceSink;
import org.sinkcheck.sink.SinkListener;

/**
 * The worked example: sinkcheck's own reference sink, plugged into the kit. Every capability is
 * declared, so every rule applies. An author whose sink implements sinkcheck's {@code Sink} API writes
 * just this; one with an API of their own implements {@link org.sinkcheck.kit.SinkAdapter} directly
 * (see {@code examples/toy-sink}).
 */
public final class ReferenceSinkAdapter extends SinkApiAdapter<ReferenceSink<Object>> {

    @Override
    public String name() { return "reference"; }

    @Override
    protected ReferenceSink<Object> create(SinkListener<Object> listener, BiConsumer<Object, Throwable> listenerErrors) {
        return new ReferenceSink<>(listener, listenerErrors);
    }
}
