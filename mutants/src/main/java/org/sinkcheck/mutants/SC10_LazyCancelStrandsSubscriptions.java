package org.sinkcheck.mutants;

import java.util.HashSet;
import java.util.Set;
import org.sinkcheck.sink.Acceptance;

/**
 * SC-10 broken: cancel only flags the calls; each ends when its provider next signals. A subscription
 * whose provider has nothing more to say is never told, and never ends.
 */
@BugPattern("lazy cancel: a call ends only at its next signal, so a silent subscription never ends")
public class SC10_LazyCancelStrandsSubscriptions extends BaseSink {
    private final Set<Call> cancelRequested = new HashSet<>();

    @Override
    public void cancel() {
        synchronized (lock) {
            cancelRequested.addAll(registry);
        }
    }

    @Override
    protected Acceptance admit(Call call, Signal kind) {
        boolean endNow;
        synchronized (lock) {
            endNow = cancelRequested.remove(call) && decide(call, Final.CANCELLED, null);
        }
        if (!endNow) return super.admit(call, kind);
        sendFinal(call, Final.CANCELLED, null);
        return Acceptance.CALL_FINISHED;
    }

    public static final class Adapter extends MutantAdapter {}
}
