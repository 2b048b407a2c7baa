package org.sinkcheck.mutants;

import java.util.ArrayList;
import java.util.List;

/**
 * SC-13 broken where no count shows it: the registry unlinks a finished call at once, so
 * {@code pendingCalls} is right, but a side list (meant for diagnostics) keeps every finished call's
 * context for as long as the sink lives. Only reachability sees it.
 */
@BugPattern("a side list keeps each finished call's context: the count is right, the memory is not")
public class SC13_FinishedContextsKeptInASideMap extends BaseSink {
    /** Guarded by the lock, as unlink is called under it. */
    private final List<Object> finishedContexts = new ArrayList<>();

    @Override
    protected void unlink(Call call) {
        super.unlink(call);
        finishedContexts.add(call.context);   // the bug: never cleared
    }

    public static final class Adapter extends MutantAdapter {}
}
