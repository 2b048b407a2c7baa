package org.sinkcheck.mutants;

import java.util.function.BiConsumer;
import org.sinkcheck.sink.SinkListener;

/**
 * SC-04 broken in the window after cancel returns: the {@link ExecutorSink} design with its cancel handed
 * to the callback executor, so {@code cancel()} returns before anything is decided, and a provider's
 * signal sent after it returned is still accepted and delivered before the queued cancel ends the call.
 * Once the executor has run, the end state looks like an allowed in-flight delivery: only a signal sent
 * before the sink settles shows it.
 */
@BugPattern("cancel queued on the callback executor: a signal sent after cancel() returned is still accepted")
public class SC04_CancelReturnsBeforeItsSweep extends ExecutorSink {
    public SC04_CancelReturnsBeforeItsSweep(SinkListener<Object> listener, BiConsumer<Object, Throwable> errors) {
        super(listener, errors);
    }

    @Override
    public void cancel() {
        runCallback(super::cancel);   // the bug: the sweep is decided later, on the executor
    }

    public static final class Adapter extends ExecutorSink.Adapter {
        public Adapter() { super(SC04_CancelReturnsBeforeItsSweep::new); }
    }
}
