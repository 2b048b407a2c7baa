package org.sinkcheck.mutants;

import org.sinkcheck.sink.CallHandle;

/**
 * SC-14 broken: a handle the sink does not know is taken as a call of its own ("be lenient"): anyone
 * can make the listener hear an object, with a context the caller never gave.
 */
@BugPattern("a forged handle is accepted and reaches the listener")
public class SC14_ForgedHandleAccepted extends BaseSink {
    @Override
    protected Call own(CallHandle handle) {
        Call known = super.own(handle);
        return known != null || handle instanceof Call ? known : new Call(this, handle);
    }

    public static final class Adapter extends MutantAdapter {}
}
