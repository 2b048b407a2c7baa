package org.example.toy;

import java.util.List;
import java.util.function.BiConsumer;

/** The toy with a classic bug: cancelAll stops one short and misses the newest job. */
final class OffByOneToySink extends ToySink {
    OffByOneToySink(Listener listener, BiConsumer<Object, RuntimeException> listenerFailures) {
        super(listener, listenerFailures);
    }

    @Override
    protected List<Job> cancellable() {
        List<Job> all = super.cancellable();
        return all.isEmpty() ? all : all.subList(0, all.size() - 1);
    }
}
