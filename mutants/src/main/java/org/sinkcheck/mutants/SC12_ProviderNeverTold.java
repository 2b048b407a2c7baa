package org.sinkcheck.mutants;

import java.util.function.BiConsumer;
import org.sinkcheck.sink.SinkListener;

/**
 * SC-12 broken: the handle never says its call was cancelled, so a provider polling it works on.
 */
@BugPattern("the provider is not told of the cancel")
public class SC12_ProviderNeverTold extends BaseSink {
    public SC12_ProviderNeverTold(SinkListener<Object> listener, BiConsumer<Object, Throwable> errors) {
        super(listener, errors);
    }

    @Override
    protected boolean providerSeesCancelled(Call call) { return false; }

    public static final class Adapter extends MutantAdapter {
        public Adapter() { super(SC12_ProviderNeverTold::new); }
    }
}
