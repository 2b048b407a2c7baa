package org.sinkcheck.reliability;

import org.sinkcheck.mutants.BugPattern;
import org.sinkcheck.mutants.ConcurrencyOnly;
import org.sinkcheck.mutants.MutantAdapter;
import org.sinkcheck.mutants.SC11_CancelBlocksOnSlowListener;

/**
 * SC-11 broken across sinks: every sink of this kind runs its listeners under one shared lock, so a
 * listener blocked in one sink stops the cancel of every other sink. It is the kit's
 * {@link SC11_CancelBlocksOnSlowListener} with that lock widened from one sink to all: the kit's holds its
 * own sink's lock only, and so cannot show this.
 */
@ConcurrencyOnly("a listener of one sink blocks in a callback; cancel() of another sink on another thread waits for it")
@BugPattern("one lock shared by all sinks, held while listeners run")
public class SC11_SinksShareOneLockWhileListenersRun extends SC11_CancelBlocksOnSlowListener {
    private static final Object SHARED = new Object();

    /** One lock for every sink of this kind. */
    @Override
    protected Object listenerLock() { return SHARED; }

    public static final class Adapter extends MutantAdapter {}
}
