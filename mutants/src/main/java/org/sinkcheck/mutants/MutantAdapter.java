package org.sinkcheck.mutants;

import java.util.function.BiConsumer;
import org.sinkcheck.kit.SinkApiAdapter;
import org.sinkcheck.sink.SinkListener;

/**
 * The kit's adapter for a mutant. Every mutant nests a one-line subclass named {@code Adapter}, so a
 * mutant is chosen by class name like any author's sink:
 * {@code ./sinkcheck check --sink 'org.sinkcheck.mutants.SC06_BeginRacingCancelLosesCall$Adapter'}.
 */
public abstract class MutantAdapter extends SinkApiAdapter<BaseSink> {

    /** How a mutant is built: its constructor. */
    @FunctionalInterface
    public interface Factory {
        BaseSink create(SinkListener<Object> listener, BiConsumer<Object, Throwable> listenerErrors);
    }

    private final Factory factory;

    protected MutantAdapter(Factory factory) {
        this.factory = factory;
    }

    /** The mutant's class name, which starts with the id of the rule it breaks. */
    @Override
    public String name() { return getClass().getEnclosingClass().getSimpleName(); }

    @Override
    protected BaseSink create(SinkListener<Object> listener, BiConsumer<Object, Throwable> listenerErrors) {
        return factory.create(listener, listenerErrors);
    }
}
