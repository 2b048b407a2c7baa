package org.sinkcheck.mutants;

import java.util.Iterator;
import java.util.Set;

/**
 * SC-01 broken: cancel takes one call out of the registry where it should take all of them (an
 * {@code if} that should have been a {@code while}). Every other pending call of the sink stays pending.
 */
@BugPattern("cancel ends only one of the sink's pending calls")
public class SC01_CancelEndsOnlyOldestCall extends BaseSink {
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

    public static final class Adapter extends MutantAdapter {}
}
