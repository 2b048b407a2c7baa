package org.sinkcheck.wild;

import java.util.EnumSet;
import java.util.Iterator;
import java.util.concurrent.CancellationException;
import kotlin.Unit;
import kotlinx.coroutines.CompletableJob;
import kotlinx.coroutines.Job;
import kotlinx.coroutines.JobKt;
import kotlinx.coroutines.SupervisorKt;
import org.sinkcheck.kit.Capability;

/**
 * kotlinx.coroutines' {@link Job} tree as a sink, driven from Java. The sink is a {@code SupervisorJob()}
 * (the library's group whose members end independently: with a plain {@code Job()} one failing child
 * cancels the parent and all its siblings, by design); a call is a child {@code Job(parent)}; the listener
 * hears the final through {@code invokeOnCompletion} (no cause: completed; a
 * {@link CancellationException}: cancelled; another cause: failed); the provider completes with
 * {@code complete()} or {@code completeExceptionally(e)}; cancel is {@code parent.cancel()}.
 *
 * <p>A {@code Job} carries no values, so an object delivery is the cooperative-cancellation idiom the
 * library teaches ({@code if (job.isActive) deliver(…)}): SC-04 and SC-05 hold for it only as far as that
 * idiom does. Not declared: progress, handle checks (a child job is its own handle), listener errors
 * (a throwing completion handler is routed to the coroutine exception handler, not contained per call).
 */
public final class KotlinSupervisorJobAdapter extends GroupAdapter<CompletableJob, CompletableJob> {

    public KotlinSupervisorJobAdapter() {
        super("kotlinx.coroutines SupervisorJob + child Jobs", EnumSet.of(Capability.FAIL, Capability.PROVIDER_TOLD,
                Capability.RETENTION_VISIBLE, Capability.CANCEL_IN_CALLBACK, Capability.THREAD_SAFE));
    }

    @Override
    CompletableJob newGroup() { return SupervisorKt.SupervisorJob(null); }

    @Override
    CompletableJob join(CompletableJob group, ProbedCall call) {
        CompletableJob child = JobKt.Job(group);
        child.invokeOnCompletion(cause -> {
            if (cause == null) call.completed();
            else if (cause instanceof CancellationException) call.cancelled();
            else call.failed(cause);
            return Unit.INSTANCE;
        });
        return child;
    }

    @Override
    void emitObject(Member<CompletableJob> member, Object object) {
        if (member.handle().isActive()) member.call().object(object);
    }

    @Override
    void emitCompleted(CompletableJob child) { child.complete(); }

    @Override
    void emitFailed(CompletableJob child, Throwable error) { child.completeExceptionally(error); }

    @Override
    void cancelGroup(CompletableJob group) { group.cancel((CancellationException) null); }

    @Override
    boolean handleSaysCancelled(CompletableJob child) { return child.isCancelled(); }

    /** The parent's live children: the library unlinks a child when it completes. */
    @Override
    public int pendingCalls(Group<CompletableJob> sink) {
        int children = 0;
        for (Iterator<Job> it = sink.group().getChildren().iterator(); it.hasNext(); it.next()) children++;
        return children;
    }
}
