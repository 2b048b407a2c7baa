package org.sinkcheck.mutants;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.sinkcheck.kit.SinkApiAdapter;
import org.sinkcheck.sink.SinkListener;

/**
 * The kit's adapter for a mutant. Every mutant nests an empty subclass named {@code Adapter}, so a
 * mutant is chosen by class name like any author's sink:
 * {@code ./sinkcheck check --sink 'org.sinkcheck.mutants.SC06_BeginRacingCancelLosesCall$Adapter'}.
 */
public abstract class MutantAdapter extends SinkApiAdapter<BaseSink> {
    private final Supplier<? extends BaseSink> constructor;

    /** The adapter of the mutant it is nested in, built by that class's public no-argument constructor. */
    protected MutantAdapter() {
        this.constructor = noArgumentConstructorOf(getClass().getEnclosingClass());
    }

    /** The adapter of a mutant built by {@code constructor}: for a fixture that takes parameters. */
    protected MutantAdapter(Supplier<? extends BaseSink> constructor) {
        this.constructor = constructor;
    }

    /** The mutant's class name, which starts with the id of the rule it breaks. */
    @Override
    public String name() { return getClass().getEnclosingClass().getSimpleName(); }

    @Override
    protected BaseSink create(SinkListener<Object> listener, BiConsumer<Object, Throwable> listenerErrors) {
        return BaseSink.build(constructor, listener, listenerErrors);
    }

    private Supplier<BaseSink> noArgumentConstructorOf(Class<?> mutant) {
        if (mutant == null || !BaseSink.class.isAssignableFrom(mutant)) {
            throw new IllegalStateException(getClass().getName() + " is not nested in a BaseSink: pass the mutant's constructor");
        }
        Constructor<? extends BaseSink> constructor;
        try {
            constructor = mutant.asSubclass(BaseSink.class).getConstructor();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(mutant.getName() + " has no public no-argument constructor: pass the mutant's constructor", e);
        }
        return () -> {
            try {
                return constructor.newInstance();
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException runtime) throw runtime;
                if (e.getCause() instanceof Error error) throw error;
                throw new IllegalStateException(mutant.getName() + " threw while being built", e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(mutant.getName() + " cannot be built: " + e, e);
            }
        };
    }
}
