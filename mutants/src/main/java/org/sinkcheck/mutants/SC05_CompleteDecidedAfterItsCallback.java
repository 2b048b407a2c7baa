package org.sinkcheck.mutants;


/**
 * SC-05 broken from inside a final callback: complete and fail run the listener's final first and
 * decide the call's final only after it returns. A listener that cancels its sink from inside
 * {@code onCompleted} finds the call still pending, and it hears {@code onCancelled} after
 * {@code onCompleted}. A kit whose listener cancels only from object callbacks passes it.
 */
@BugPattern("a complete or fail decided only after its final callback: a cancel from inside onCompleted cancels the call again")
public class SC05_CompleteDecidedAfterItsCallback extends BaseSink {

    @Override
    protected boolean decide(Call call, Final fin, Throwable error) {
        if (fin == Final.CANCELLED) return super.decide(call, fin, error);
        synchronized (lock) {
            return call.fin == null;   // the bug: only looked at here; decided in sendFinal, after the callback
        }
    }

    @Override
    protected void sendFinal(Call call, Final fin, Throwable error) {
        if (fin == Final.CANCELLED) {
            super.sendFinal(call, fin, error);
            return;
        }
        runListener(call, () -> invokeFinal(call.context, fin, error));
        super.decide(call, fin, error);
    }

    public static final class Adapter extends MutantAdapter {}
}
