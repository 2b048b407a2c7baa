package org.sinkcheck.mutants;

import java.util.Iterator;
import java.util.Set;
import java.util.function.BiConsumer;
import org.sinkcheck.sink.SinkListener;

/**
 * SC-01 broken: cancel takes one call out of the registry where it should take all of them (an
 * {@code if} that should have been a {@code while}). Every other pending call of the sink stays pending.
 */
@BugPattern("cancel ends only one of the sink's pending calls")
public class SC01_CancelEndsOnlyOldestCall extends BaseSink {
    public SC01_CancelEndsOnlyOldestCall(SinkListener<Object> listener, BiConsumer<Object, Throwable> errors) {
        super(listener, errors);
    }

    @Override
    protected Set<Call> detachAll() {
        synchronized (lock) {
            Iterator<Call> oldest = registry.iterator();
            if (!oldest.hasNext()) return Set.of();
            Call first = oldest.next();
            oldest.remove();
            return Set.of(first);
        }
    }

    public static final class Adapter extends MutantAdapter {
        public Adapter() { super(SC01_CancelEndsOnlyOldestCall::new); }
    }
}
