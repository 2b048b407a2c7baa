package org.sinkcheck.mutants;


/**
 * SC-15 broken: an exception thrown by the listener is caught and dropped: nobody learns of it.
 */
@BugPattern("a listener's exception is swallowed, never reported")
public class SC15_ListenerErrorSwallowed extends BaseSink {
    @Override
    protected void reportListenerError(Call call, Throwable error) {
        // the bug: swallowed
    }

    public static final class Adapter extends MutantAdapter {}
}
