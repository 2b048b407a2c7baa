package org.sinkcheck.mutants;

import java.util.List;

/**
 * SC-15 broken: cancel sends its finals in one loop inside one {@code try}: the first listener that
 * throws from {@code onCancelled} ends the sweep, and the calls after it never hear their final.
 */
@BugPattern("a throwing listener stops the cancel sweep")
public class SC15_ThrowingListenerStopsSweep extends BaseSink {
    @Override
    protected void sweep(List<Call> cancelled) {
        Call current = null;
        try {
            for (Call call : cancelled) {
                current = call;
                if (claimForFinal(call)) invokeFinal(call.context, Final.CANCELLED, null);
            }
        } catch (RuntimeException e) {
            reportListenerError(current, e);
        }
    }

    public static final class Adapter extends MutantAdapter {}
}
