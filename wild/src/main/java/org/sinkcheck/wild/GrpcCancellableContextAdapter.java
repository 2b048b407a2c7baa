package org.sinkcheck.wild;

import io.grpc.Context;
import io.grpc.Context.CancellableContext;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sinkcheck.kit.Capability;
import org.sinkcheck.kit.Events;
import org.sinkcheck.kit.SinkAdapter;

/**
 * gRPC Java's {@link CancellableContext} tree as a sink. The sink is a cancellable context; a call is a
 * child {@code withCancellation()} context with a direct-executor {@code CancellationListener}; cancel is
 * {@code cancel(new CancellationException(…))} on the sink's context, which cascades to every child.
 *
 * <p>A gRPC context has only one way to end, cancellation, with an optional cause; the adapter reads the
 * cause the listener sees: none ({@code close()}, the provider's normal end): completed; the sink's
 * {@link CancellationException}: cancelled; any other: failed ({@code cancel(error)}). Contexts carry no
 * values, so an object delivery is the idiom {@code if (!context.isCancelled()) deliver(…)}. Not declared:
 * progress; retention (a context cannot count its listeners); handle checks; listener errors (gRPC logs
 * a throwing listener and goes on, and a listener only hears the final).
 *
 * <p>gRPC logs each exception a cancellation listener throws (java.util.logging, INFO, with the stack
 * trace); the kit throws thousands on purpose, so this adapter raises that one logger to WARNING.
 */
public final class GrpcCancellableContextAdapter implements SinkAdapter<Group<CancellableContext>, GrpcCancellableContextAdapter.Member> {

    /** Held strongly: java.util.logging forgets the level of a logger nobody references. */
    private static final Logger CONTEXT_LOG = Logger.getLogger(Context.class.getName());

    static {
        CONTEXT_LOG.setLevel(Level.WARNING);
    }

    /** One member: the child context, which is also the provider's handle, and the listener side. */
    public record Member(CancellableContext context, ProbedCall call) {}

    @Override
    public String name() { return "gRPC Context.CancellableContext"; }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.FAIL, Capability.PROVIDER_TOLD, Capability.CANCEL_IN_CALLBACK, Capability.THREAD_SAFE);
    }

    @Override
    public Group<CancellableContext> newSink(Events events) {
        return new Group<>(Context.ROOT.withCancellation(), events);
    }

    @Override
    public Member begin(Group<CancellableContext> sink, Object context) {
        ProbedCall call = new ProbedCall(context, sink.events());
        CancellableContext child = sink.group().withCancellation();
        child.addListener(ended -> {
            Throwable cause = ended.cancellationCause();
            if (cause == null) call.completed();
            else if (cause instanceof CancellationException) call.cancelled();
            else call.failed(cause);
        }, Runnable::run);
        return new Member(child, call);
    }

    @Override
    public boolean deliver(Group<CancellableContext> sink, Member member, Object object) {
        return member.call().accepted(() -> {
            if (!member.context().isCancelled()) member.call().object(object);
        });
    }

    @Override
    public boolean complete(Group<CancellableContext> sink, Member member) {
        return member.call().accepted(member.context()::close);
    }

    @Override
    public boolean fail(Group<CancellableContext> sink, Member member, Throwable error) {
        return member.call().accepted(() -> member.context().cancel(error));
    }

    @Override
    public void cancel(Group<CancellableContext> sink) {
        sink.group().cancel(new CancellationException("sink cancelled"));
    }

    @Override
    public boolean providerSeesCancelled(Group<CancellableContext> sink, Member member) {
        return member.context().isCancelled();
    }
}
