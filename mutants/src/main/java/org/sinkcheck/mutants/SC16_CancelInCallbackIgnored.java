package org.sinkcheck.mutants;


/**
 * SC-16 broken: cancel called from inside a callback returns at once without doing anything (a guard
 * against re-entrance, as WMI asks of its callers): the calls it should end stay pending.
 */
@BugPattern("cancel from inside a callback is ignored")
public class SC16_CancelInCallbackIgnored extends BaseSink {
    private static final ThreadLocal<Boolean> IN_CALLBACK = ThreadLocal.withInitial(() -> false);

    @Override
    protected boolean runListener(Call call, Runnable callback) {
        boolean outer = IN_CALLBACK.get();
        IN_CALLBACK.set(true);
        try {
            return super.runListener(call, callback);
        } finally {
            IN_CALLBACK.set(outer);
        }
    }

    @Override
    public void cancel() {
        if (!IN_CALLBACK.get()) super.cancel();
    }

    public static final class Adapter extends MutantAdapter {}
}
