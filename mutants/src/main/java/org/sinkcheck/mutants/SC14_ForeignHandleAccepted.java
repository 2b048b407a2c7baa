package org.sinkcheck.mutants;

import org.sinkcheck.sink.CallHandle;

/**
 * SC-14 broken: any handle of this sink type is accepted, whichever sink issued it; another sink's
 * provider can signal through this sink, to this sink's listener.
 */
@BugPattern("a foreign handle is accepted (the issuing sink is not checked)")
public class SC14_ForeignHandleAccepted extends BaseSink {
    @Override
    protected Call own(CallHandle handle) {
        return handle instanceof Call ? (Call) handle : null;
    }

    public static final class Adapter extends MutantAdapter {}
}
