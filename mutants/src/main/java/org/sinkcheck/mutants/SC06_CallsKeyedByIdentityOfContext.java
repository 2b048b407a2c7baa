package org.sinkcheck.mutants;

import java.util.function.BiConsumer;
import org.sinkcheck.sink.SinkListener;

/**
 * SC-06 broken for callers who reuse a context object: the {@link ConcurrentMapSink} design keyed by the
 * identity of the caller's context, so a call begun with the very context object of a pending call
 * replaces it in the map, and the replaced call is lost to cancel. Unlike keying by {@code equals}
 * ({@link SC06_CallsKeyedByTheirContext}), distinct equal contexts pass; only one object given to two live
 * calls shows it.
 */
@BugPattern("calls keyed by their context's identity: a second call with the same context object replaces the pending one")
public class SC06_CallsKeyedByIdentityOfContext extends ConcurrentMapSink {
    public SC06_CallsKeyedByIdentityOfContext(SinkListener<Object> listener, BiConsumer<Object, Throwable> errors) {
        super(listener, errors);
    }

    @Override
    protected Object key(Call call) { return new Identity(call.context); }

    /** A key equal only to a key of the very same object. */
    private record Identity(Object context) {
        @Override public boolean equals(Object o) { return o instanceof Identity other && other.context == context; }

        @Override public int hashCode() { return System.identityHashCode(context); }
    }

    public static final class Adapter extends ControlAdapter {
        public Adapter() { super(SC06_CallsKeyedByIdentityOfContext::new); }
    }
}
