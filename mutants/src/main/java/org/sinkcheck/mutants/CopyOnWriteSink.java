package org.sinkcheck.mutants;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.sinkcheck.sink.SinkListener;

/**
 * A correct control: the pending calls in a {@link CopyOnWriteArrayList}. cancel() walks one snapshot;
 * a call a complete decided first is not cancelled (its final won, SC-05), and one begun after the
 * snapshot stays registered and live (SC-06).
 */
public class CopyOnWriteSink extends ControlSink {
    private final CopyOnWriteArrayList<Call> registry = new CopyOnWriteArrayList<>();

    public CopyOnWriteSink(SinkListener<Object> listener, BiConsumer<Object, Throwable> listenerErrors) {
        super(listener, listenerErrors);
    }

    @Override
    protected void register(Call call) { registry.add(call); }

    @Override
    protected void unregister(Call call) { registry.remove(call); }

    @Override
    protected Iterable<Call> registeredCalls() { return registry; }

    @Override
    protected int registered() { return registry.size(); }

    /** The kit's adapter for this control. */
    public static final class Adapter extends ControlAdapter {
        public Adapter() { super(CopyOnWriteSink::new); }
    }
}
