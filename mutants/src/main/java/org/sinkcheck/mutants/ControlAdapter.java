package org.sinkcheck.mutants;

import java.util.function.BiConsumer;
import org.sinkcheck.kit.SinkApiAdapter;
import org.sinkcheck.sink.SinkListener;

/**
 * The kit's adapter for a {@link ControlSink} design or a mutant of one: a one-line subclass named
 * {@code Adapter} nested in the sink's class, loadable by name like any author's adapter.
 */
public abstract class ControlAdapter extends SinkApiAdapter<ControlSink> {

    /** How the sink is built: its constructor. */
    @FunctionalInterface
    public interface Factory {
        ControlSink create(SinkListener<Object> listener, BiConsumer<Object, Throwable> listenerErrors);
    }

    private final Factory factory;

    protected ControlAdapter(Factory factory) {
        this.factory = factory;
    }

    /** The sink's class name: the design, or for a mutant the id of the rule it breaks. */
    @Override
    public String name() { return getClass().getEnclosingClass().getSimpleName(); }

    @Override
    protected ControlSink create(SinkListener<Object> listener, BiConsumer<Object, Throwable> listenerErrors) {
        return factory.create(listener, listenerErrors);
    }
}
