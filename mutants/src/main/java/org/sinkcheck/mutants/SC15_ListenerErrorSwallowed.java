package org.sinkcheck.mutants;

import java.util.function.BiConsumer;
import org.sinkcheck.sink.SinkListener;

/**
 * SC-15 broken: an exception thrown by the listener is caught and dropped: nobody learns of it.
 */
@BugPattern("a listener's exception is swallowed, never reported")
public class SC15_ListenerErrorSwallowed extends BaseSink {
    public SC15_ListenerErrorSwallowed(SinkListener<Object> listener, BiConsumer<Object, Throwable> errors) {
        super(listener, errors);
    }

    @Override
    protected void reportListenerError(Call call, Throwable error) {
        // the bug: swallowed
    }

    public static final class Adapter extends MutantAdapter {
        public Adapter() { super(SC15_ListenerErrorSwallowed::new); }
    }
}
