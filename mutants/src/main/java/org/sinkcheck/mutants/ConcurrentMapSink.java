package org.sinkcheck.mutants;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.sinkcheck.sink.SinkListener;

/**
 * A correct control: the pending calls in a {@link ConcurrentHashMap}, each under a key of its own.
 * cancel() walks the map, whose iterators see every entry present when they start; a call begun
 * meanwhile is either cancelled too or stays registered and live (SC-06), and one begun after cancel()
 * returned is never touched (SC-08).
 */
public class ConcurrentMapSink extends ControlSink {
    private final ConcurrentHashMap<Object, Call> registry = new ConcurrentHashMap<>();

    public ConcurrentMapSink(SinkListener<Object> listener, BiConsumer<Object, Throwable> listenerErrors) {
        super(listener, listenerErrors);
    }

    /** The key {@code call} is registered under: the call itself, so every call has its own. */
    protected Object key(Call call) { return call; }

    @Override
    protected void register(Call call) { registry.put(key(call), call); }

    @Override
    protected void unregister(Call call) { registry.remove(key(call), call); }

    @Override
    protected Iterable<Call> registeredCalls() { return registry.values(); }

    @Override
    protected int registered() { return registry.size(); }

    /** The kit's adapter for this control. */
    public static final class Adapter extends ControlAdapter {
        public Adapter() { super(ConcurrentMapSink::new); }
    }
}
