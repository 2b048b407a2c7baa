package org.sinkcheck.mutants;


/**
 * SC-09 broken: finals carry the context of the call begun last (a "current context" field) instead of
 * their own call's: with two calls on a sink, the caller cannot tell which one ended.
 */
@BugPattern("a callback carries another call's context")
public class SC09_FinalCarriesNewestContext extends BaseSink {
    private Object newestContext;

    @Override
    protected void register(Call call) {
        super.register(call);
        synchronized (lock) {
            newestContext = call.context;
        }
    }

    @Override
    protected void invokeFinal(Object context, Final fin, Throwable error) {
        Object current;
        synchronized (lock) {
            current = newestContext;
        }
        super.invokeFinal(current, fin, error);
    }

    public static final class Adapter extends MutantAdapter {}
}
