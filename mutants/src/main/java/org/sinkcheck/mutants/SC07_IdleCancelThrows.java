package org.sinkcheck.mutants;


/**
 * SC-07 broken: cancel on a sink with no pending call throws instead of doing nothing.
 */
@BugPattern("idle cancel throws")
public class SC07_IdleCancelThrows extends BaseSink {
    @Override
    public void cancel() {
        synchronized (lock) {
            if (registry.isEmpty()) throw new IllegalStateException("no call to cancel");
        }
        super.cancel();
    }

    public static final class Adapter extends MutantAdapter {}
}
