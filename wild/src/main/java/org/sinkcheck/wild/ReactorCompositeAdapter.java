package org.sinkcheck.wild;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.sinkcheck.kit.Capability;
import org.sinkcheck.kit.Events;
import org.sinkcheck.kit.SinkAdapter;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Hooks;

/**
 * Reactor's {@code Disposables.composite()} as a sink. A call is a {@code Flux.create} subscription whose
 * {@link Disposable} is added to the composite (Reactor has no auto-releasing subscribe: a finished
 * member stays until someone removes it); the provider's handle is the {@link FluxSink}; the listener
 * hears its call's cancellation through {@code doOnCancel}; cancel is {@link Disposable.Composite#dispose()}.
 *
 * <p>Not declared: progress (Reactor has no progress signal) and handle checks (a {@code FluxSink} is
 * bound to its subscription by construction).
 *
 * <p>An exception Reactor cannot deliver (a callback throwing after the end, an error signalled after
 * cancel) is "dropped" to the global {@code Hooks.onErrorDropped} hook, without the call it belongs to;
 * by default it is logged, one stack trace each. The kit throws thousands on purpose, so this adapter adds
 * a hook that counts them ({@link #droppedErrors()}) instead. Verdicts do not change: either way the
 * sink reports no error for the call.
 */
public final class ReactorCompositeAdapter
        implements SinkAdapter<Group<Disposable.Composite>, ReactorCompositeAdapter.Member> {

    private static final AtomicLong DROPPED = new AtomicLong();

    static {
        Hooks.onErrorDropped(e -> DROPPED.incrementAndGet());
    }

    /** Errors Reactor dropped to its global hook since this adapter class was loaded. */
    public static long droppedErrors() { return DROPPED.get(); }

    /** One member: the provider's sink and the listener side. */
    public record Member(FluxSink<Object> emitter, ProbedCall call) {}

    @Override
    public String name() { return "Reactor Disposables.composite()"; }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.FAIL, Capability.PROVIDER_TOLD, Capability.RETENTION_VISIBLE,
                Capability.LISTENER_ERRORS, Capability.CANCEL_IN_CALLBACK, Capability.THREAD_SAFE);
    }

    @Override
    public Group<Disposable.Composite> newSink(Events events) {
        return new Group<>(Disposables.composite(), events);
    }

    @Override
    public Member begin(Group<Disposable.Composite> sink, Object context) {
        ProbedCall call = new ProbedCall(context, sink.events());
        AtomicReference<FluxSink<Object>> emitter = new AtomicReference<>();
        Disposable subscription = Flux.create(emitter::set)
                .doOnCancel(call::cancelled)
                .subscribe(call::object, call::failed, call::completed);
        sink.group().add(subscription);
        return new Member(emitter.get(), call);
    }

    @Override
    public boolean deliver(Group<Disposable.Composite> sink, Member member, Object object) {
        return member.call().accepted(() -> member.emitter().next(object));
    }

    @Override
    public boolean complete(Group<Disposable.Composite> sink, Member member) {
        return member.call().accepted(member.emitter()::complete);
    }

    @Override
    public boolean fail(Group<Disposable.Composite> sink, Member member, Throwable error) {
        return member.call().accepted(() -> member.emitter().error(error));
    }

    @Override
    public void cancel(Group<Disposable.Composite> sink) { sink.group().dispose(); }

    @Override
    public int pendingCalls(Group<Disposable.Composite> sink) { return sink.group().size(); }

    @Override
    public boolean providerSeesCancelled(Group<Disposable.Composite> sink, Member member) {
        return member.emitter().isCancelled();
    }
}
