package org.sinkcheck.mutants;

import java.util.function.BiConsumer;
import org.sinkcheck.sink.SinkListener;

/**
 * SC-03 broken: a failed call is told {@code onFailed} and then, from a {@code finally} that should have
 * been an {@code else}, {@code onCompleted} as well: two finals.
 */
@BugPattern("two finals: onFailed followed by onCompleted")
public class SC03_ErrorThenCompleted extends BaseSink {
    public SC03_ErrorThenCompleted(SinkListener<Object> listener, BiConsumer<Object, Throwable> errors) {
        super(listener, errors);
    }

    @Override
    protected void invokeFinal(Object context, Final fin, Throwable error) {
        try {
            super.invokeFinal(context, fin, error);
        } finally {
            if (fin == Final.FAILED) listener().onCompleted(context);
        }
    }

    public static final class Adapter extends MutantAdapter {
        public Adapter() { super(SC03_ErrorThenCompleted::new); }
    }
}
