package org.sinkcheck.mutants;

import org.sinkcheck.sink.Acceptance;

/**
 * SC-09 broken: a signal is admitted whenever the call has no final, even while another callback of
 * the same call is still running. Two providers' threads signalling one call run its listener at once.
 */
@ConcurrencyOnly("deliver(c) on two threads: both callbacks of c run at the same time")
@BugPattern("callbacks of one call overlap (no per-call serialization)")
public class SC09_CallbacksOfOneCallOverlap extends BaseSink {
    @Override
    protected Acceptance admit(Call call, Signal kind) {
        synchronized (lock) {
            if (call.fin != null) return Acceptance.CALL_FINISHED;
            call.inCallback = true;
            return Acceptance.ACCEPTED;
        }
    }

    public static final class Adapter extends MutantAdapter {}
}
