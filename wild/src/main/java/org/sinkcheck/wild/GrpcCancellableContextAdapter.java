package org.sinkcheck.wild;

import io.grpc.Context;
import io.grpc.Context.CancellableContext;
import java.util.EnumSet;
import java.util.concurrent.CancellationException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sinkcheck.kit.Capability;

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
public final class GrpcCancellableContextAdapter extends GroupAdapter<CancellableContext, CancellableContext> {

    /** Held strongly: java.util.logging forgets the level of a logger nobody references. */
    private static final Logger CONTEXT_LOG = Logger.getLogger(Context.class.getName());

    static {
        CONTEXT_LOG.setLevel(Level.WARNING);
    }

    public GrpcCancellableContextAdapter() {
        super("gRPC Context.CancellableContext",
                EnumSet.of(Capability.FAIL, Capability.PROVIDER_TOLD, Capability.CANCEL_IN_CALLBACK, Capability.THREAD_SAFE));
    }

    @Override
    CancellableContext newGroup() { return Context.ROOT.withCancellation(); }

    @Override
    CancellableContext join(CancellableContext group, ProbedCall call) {
        CancellableContext child = group.withCancellation();
        child.addListener(ended -> {
            Throwable cause = ended.cancellationCause();
            if (cause == null) call.completed();
            else if (cause instanceof CancellationException) call.cancelled();
            else call.failed(cause);
        }, Runnable::run);
        return child;
    }

    @Override
    void emitObject(Member<CancellableContext> member, Object object) {
        if (!member.handle().isCancelled()) member.call().object(object);
    }

    @Override
    void emitCompleted(CancellableContext child) { child.close(); }

    @Override
    void emitFailed(CancellableContext child, Throwable error) { child.cancel(error); }

    @Override
    void cancelGroup(CancellableContext group) { group.cancel(new CancellationException("sink cancelled")); }

    @Override
    boolean handleSaysCancelled(CancellableContext child) { return child.isCancelled(); }
}
