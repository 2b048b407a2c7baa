package org.sinkcheck.mutants;


/**
 * SC-05 broken: a provider's complete overrides an earlier cancel: the cancelled call is completed
 * too, and its listener hears {@code onCompleted} after {@code onCancelled}.
 */
@BugPattern("a finished call is touched again: complete after cancel wins")
public class SC05_CompleteOverridesCancel extends BaseSink {
    @Override
    protected boolean decide(Call call, Final fin, Throwable error) {
        synchronized (lock) {
            if (fin == Final.COMPLETED && call.fin == Final.CANCELLED) {
                call.fin = fin;
                return true;
            }
        }
        return super.decide(call, fin, error);
    }

    public static final class Adapter extends MutantAdapter {}
}
