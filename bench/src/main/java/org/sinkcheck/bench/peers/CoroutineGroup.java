package org.sinkcheck.bench.peers;

import kotlin.Unit;
import kotlinx.coroutines.CompletableJob;
import kotlinx.coroutines.Job;
import kotlinx.coroutines.JobKt;
import org.sinkcheck.kit.Events;

/**
 * kotlinx.coroutines: a parent {@code Job} and one child {@code Job} per call, whose completion handler
 * runs the call's final. Completing a child unlinks it from the parent (the library does that);
 * cancelling the parent cancels every child synchronously. A cancelled Job stays cancelled, so cancel
 * swaps in a fresh parent first; a child begun on the old parent meanwhile is cancelled at once.
 */
final class CoroutineGroup implements PeerGroup {
    private volatile CompletableJob parent = JobKt.Job(null);

    /** A call and the child Job that stands for it in the parent. */
    private static final class ChildCall extends PeerCall {
        final CompletableJob job;

        ChildCall(Object context, Events events, Job parent) {
            super(context, events);
            job = JobKt.Job(parent);
        }
    }

    @Override
    public PeerCall begin(Object context, Events events) {
        ChildCall call = new ChildCall(context, events, parent);
        call.job.invokeOnCompletion(cause -> {
            if (cause == null) call.complete(); else call.dispose();
            return Unit.INSTANCE;
        });
        return call;
    }

    @Override
    public boolean complete(PeerCall call) {
        return ((ChildCall) call).job.complete();
    }

    @Override
    public void cancelAll() {
        Job cancelled = parent;
        parent = JobKt.Job(null);
        cancelled.cancel(null);
    }

    @Override
    public int size() {
        int children = 0;
        for (var it = parent.getChildren().iterator(); it.hasNext(); it.next()) children++;
        return children;
    }
}
