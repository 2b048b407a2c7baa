package org.sinkcheck.mutants;


/**
 * SC-13 broken: a call that completes or fails stays in the registry until the next cancel, with its
 * context and everything it references.
 */
@BugPattern(value = "finished calls retained until the next cancel", seenIn = "ReactiveX/RxJava#5016")
public class SC13_FinishedCallsRetained extends BaseSink {
    @Override
    protected void unlink(Call call) {
        // the bug: finished calls are never unlinked; only cancel clears the registry
    }

    public static final class Adapter extends MutantAdapter {}
}
