package org.sinkcheck.mutants;

import java.util.function.BiConsumer;
import org.sinkcheck.sink.SinkListener;

/**
 * SC-13 broken: a call that completes or fails stays in the registry until the next cancel, with its
 * context and everything it references.
 */
@BugPattern(value = "finished calls retained until the next cancel", seenIn = "ReactiveX/RxJava#5016")
public class SC13_FinishedCallsRetained extends BaseSink {
    public SC13_FinishedCallsRetained(SinkListener<Object> listener, BiConsumer<Object, Throwable> errors) {
        super(listener, errors);
    }

    @Override
    protected void unlink(Call call) {
        // the bug: finished calls are never unlinked; only cancel clears the registry
    }

    public static final class Adapter extends MutantAdapter {
        public Adapter() { super(SC13_FinishedCallsRetained::new); }
    }
}
