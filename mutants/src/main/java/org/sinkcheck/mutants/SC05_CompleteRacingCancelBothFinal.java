package org.sinkcheck.mutants;


/**
 * SC-05 broken: the final is decided check-then-act, the check outside the lock. A complete and a
 * cancel that both pass the check both win, and each sends its own final: the listener hears two.
 */
@ConcurrencyOnly("complete(c) and cancel() both see c without a final, then both decide and send it")
@BugPattern("complete racing cancel: both deliver a final (non-atomic final state)")
public class SC05_CompleteRacingCancelBothFinal extends BaseSink {
    @Override
    protected boolean decide(Call call, Final fin, Throwable error) {
        boolean undecided;
        synchronized (lock) {
            undecided = call.fin == null;
        }
        if (!undecided) return false;
        Thread.yield();
        synchronized (lock) {
            call.fin = fin;
            call.error = error;
            unlink(call);
        }
        return true;
    }

    public static final class Adapter extends MutantAdapter {}
}
