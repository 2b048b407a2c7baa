package org.sinkcheck.mutants;


/**
 * SC-11 broken: listeners run while the sink's lock is held. A cancel on another thread waits for the
 * lock, and so for whatever listener is running, however slow; two sinks whose listeners cancel each
 * other deadlock (SC-16). Run one action at a time, the monitor is reentrant and nothing shows.
 */
@ConcurrencyOnly("a listener of the sink blocks in a callback; cancel() on another thread waits for it")
@BugPattern(value = "cancel blocks on a slow listener (a lock held while calling listeners)",
        seenIn = "dotnet/corefx#14903")
public class SC11_CancelBlocksOnSlowListener extends BaseSink {
    @Override
    protected boolean runListener(Call call, Runnable callback) {
        synchronized (listenerLock()) {
            return super.runListener(call, callback);
        }
    }

    /** The lock held while listeners run: this sink's own. */
    protected Object listenerLock() { return lock; }

    public static final class Adapter extends MutantAdapter {}
}
