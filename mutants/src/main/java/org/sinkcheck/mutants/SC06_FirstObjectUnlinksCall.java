package org.sinkcheck.mutants;

import org.sinkcheck.sink.Acceptance;

/**
 * SC-06 broken: the call leaves the registry when its first object arrives (as if "has a result" meant
 * "finished"). It is still pending, but no cancel can reach it any more: lost.
 */
@BugPattern("a pending call is lost from the registry after its first object")
public class SC06_FirstObjectUnlinksCall extends BaseSink {
    @Override
    protected Acceptance admit(Call call, Signal kind) {
        Acceptance admitted = super.admit(call, kind);
        if (admitted == Acceptance.ACCEPTED && kind == Signal.OBJECT) {
            synchronized (lock) {
                unlink(call);
            }
        }
        return admitted;
    }

    public static final class Adapter extends MutantAdapter {}
}
