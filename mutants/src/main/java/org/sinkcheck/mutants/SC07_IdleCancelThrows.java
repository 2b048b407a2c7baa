package org.sinkcheck.mutants;

import java.util.function.BiConsumer;
import org.sinkcheck.sink.SinkListener;

/**
 * SC-07 broken: cancel on a sink with no pending call throws instead of doing nothing.
 */
@BugPattern("idle cancel throws")
public class SC07_IdleCancelThrows extends BaseSink {
    public SC07_IdleCancelThrows(SinkListener<Object> listener, BiConsumer<Object, Throwable> errors) {
        super(listener, errors);
    }

    @Override
    public void cancel() {
        synchronized (lock) {
            if (registry.isEmpty()) throw new IllegalStateException("no call to cancel");
        }
        super.cancel();
    }

    public static final class Adapter extends MutantAdapter {
        public Adapter() { super(SC07_IdleCancelThrows::new); }
    }
}
