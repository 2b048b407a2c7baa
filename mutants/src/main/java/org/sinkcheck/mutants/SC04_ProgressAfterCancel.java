package org.sinkcheck.mutants;

import org.sinkcheck.sink.Acceptance;

/**
 * SC-04 broken: progress is refused only once a call completed or failed; a cancelled call still gets
 * its provider's progress reports, after its {@code onCancelled}.
 */
@BugPattern("progress after cancel (the cancelled state is not checked for progress)")
public class SC04_ProgressAfterCancel extends BaseSink {
    @Override
    protected Acceptance admit(Call call, Signal kind) {
        if (kind == Signal.PROGRESS) {
            synchronized (lock) {
                if (call.fin == Final.CANCELLED && !call.inCallback) {
                    call.inCallback = true;
                    return Acceptance.ACCEPTED;
                }
            }
        }
        return super.admit(call, kind);
    }

    public static final class Adapter extends MutantAdapter {}
}
