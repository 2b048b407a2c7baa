package org.sinkcheck.mutants;

import java.util.Set;

/**
 * SC-08 broken: cancel disposes the sink for good (RxJava's {@code dispose()} where {@code clear()} was
 * meant): every call begun on it later is cancelled at once.
 */
@BugPattern("pre-cancelled reuse: calls begun after a cancel are born cancelled")
public class SC08_CancelledSinkStaysCancelled extends BaseSink {
    private boolean disposed;

    @Override
    protected Set<Call> detachAll() {
        synchronized (lock) {
            disposed = true;
            return super.detachAll();
        }
    }

    @Override
    protected void register(Call call) {
        super.register(call);
        boolean bornCancelled;
        synchronized (lock) {
            bornCancelled = disposed && decide(call, Final.CANCELLED, null);
        }
        if (bornCancelled) sendFinal(call, Final.CANCELLED, null);
    }

    public static final class Adapter extends MutantAdapter {}
}
