package org.sinkcheck.mutants;

import java.util.function.BiConsumer;
import org.sinkcheck.sink.SinkListener;

/**
 * SC-06 broken for callers whose contexts are equal: the {@link ConcurrentMapSink} design keyed by the
 * caller's context instead of the call, so a call begun with a context {@code equals} to a pending
 * call's replaces it in the map; the replaced call is lost to cancel. A kit whose contexts are all
 * distinct by {@code equals} never sees it.
 */
@BugPattern("calls keyed by their context's equals: a call with an equal context replaces the pending one")
public class SC06_CallsKeyedByTheirContext extends ConcurrentMapSink {
    public SC06_CallsKeyedByTheirContext(SinkListener<Object> listener, BiConsumer<Object, Throwable> errors) {
        super(listener, errors);
    }

    @Override
    protected Object key(Call call) { return call.context; }

    public static final class Adapter extends ControlAdapter {
        public Adapter() { super(SC06_CallsKeyedByTheirContext::new); }
    }
}
