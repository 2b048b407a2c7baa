package org.sinkcheck.mutants;

import java.util.ArrayList;
import java.util.List;

/**
 * SC-07 broken: the sink remembers every call it ever cancelled and tells each of them
 * {@code onCancelled} again on every later cancel (callbacks registered for cancel are run, never removed).
 */
@BugPattern("cancel is not idempotent: a second cancel re-sends the finals")
public class SC07_RepeatCancelResendsFinals extends BaseSink {
    private final List<Call> cancelledBefore = new ArrayList<>();

    @Override
    protected void sweep(List<Call> cancelled) {
        List<Call> again;
        synchronized (lock) {
            again = new ArrayList<>(cancelledBefore);
            cancelledBefore.addAll(cancelled);
        }
        for (Call call : again) runListener(call, () -> invokeFinal(call.context, Final.CANCELLED, null));
        super.sweep(cancelled);
    }

    public static final class Adapter extends MutantAdapter {}
}
