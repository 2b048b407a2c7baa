package org.sinkcheck.wild;

import java.util.EnumSet;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.CancellationException;
import kotlin.Unit;
import kotlinx.coroutines.CompletableJob;
import kotlinx.coroutines.Job;
import kotlinx.coroutines.JobKt;
import kotlinx.coroutines.SupervisorKt;
import org.sinkcheck.kit.Capability;
import org.sinkcheck.kit.Events;
import org.sinkcheck.kit.SinkAdapter;

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
public final class KotlinSupervisorJobAdapter implements SinkAdapter<Group<CompletableJob>, KotlinSupervisorJobAdapter.Member> {

    /** One member: the child job, which is also the provider's handle, and the listener side. */
    public record Member(CompletableJob job, ProbedCall call) {}

    @Override
    public String name() { return "kotlinx.coroutines SupervisorJob + child Jobs"; }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.FAIL, Capability.PROVIDER_TOLD, Capability.RETENTION_VISIBLE,
                Capability.CANCEL_IN_CALLBACK, Capability.THREAD_SAFE);
    }

    @Override
    public Group<CompletableJob> newSink(Events events) {
        return new Group<>(SupervisorKt.SupervisorJob(null), events);
    }

    @Override
    public Member begin(Group<CompletableJob> sink, Object context) {
        ProbedCall call = new ProbedCall(context, sink.events());
        CompletableJob child = JobKt.Job(sink.group());
        child.invokeOnCompletion(cause -> {
            if (cause == null) call.completed();
            else if (cause instanceof CancellationException) call.cancelled();
            else call.failed(cause);
            return Unit.INSTANCE;
        });
        return new Member(child, call);
    }

    @Override
    public boolean deliver(Group<CompletableJob> sink, Member member, Object object) {
        return member.call().accepted(() -> {
            if (member.job().isActive()) member.call().object(object);
        });
    }

    @Override
    public boolean complete(Group<CompletableJob> sink, Member member) {
        return member.call().accepted(member.job()::complete);
    }

    @Override
    public boolean fail(Group<CompletableJob> sink, Member member, Throwable error) {
        return member.call().accepted(() -> member.job().completeExceptionally(error));
    }

    @Override
    public void cancel(Group<CompletableJob> sink) { sink.group().cancel((CancellationException) null); }

    /** The parent's live children: the library unlinks a child when it completes. */
    @Override
    public int pendingCalls(Group<CompletableJob> sink) {
        int children = 0;
        for (Iterator<Job> it = sink.group().getChildren().iterator(); it.hasNext(); it.next()) children++;
        return children;
    }

    @Override
    public boolean providerSeesCancelled(Group<CompletableJob> sink, Member member) {
        return member.job().isCancelled();
    }
}
