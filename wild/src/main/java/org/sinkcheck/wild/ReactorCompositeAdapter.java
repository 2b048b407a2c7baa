package org.sinkcheck.wild;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
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
 * <p>An exception Reactor cannot deliver (a callback throwing after the end, an error signalled after
 * cancel) is "dropped" to the global {@code Hooks.onErrorDropped} hook, without the call it belongs to;
 * by default it is logged, one stack trace each. The kit throws thousands on purpose, so this adapter adds
 * a hook that counts them ({@link #droppedErrors()}) instead. Verdicts do not change: either way the
 * sink reports no error for the call.
 */
public final class ReactorCompositeAdapter extends EmitterCompositeAdapter<Disposable.Composite> {

    private static final AtomicLong DROPPED = new AtomicLong();

    static {
        Hooks.onErrorDropped(e -> DROPPED.incrementAndGet());
    }

    /** Errors Reactor dropped to its global hook since this adapter class was loaded. */
    public static long droppedErrors() { return DROPPED.get(); }

    public ReactorCompositeAdapter() {
        super("Reactor Disposables.composite()", Disposables::composite, Disposable.Composite::dispose, Disposable.Composite::size);
    }

    @Override
    Emitter join(Disposable.Composite group, ProbedCall call) {
        AtomicReference<Emitter> emitter = new AtomicReference<>();
        Disposable subscription = Flux.create(sink -> emitter.set(new Emitter(sink::next, sink::complete, sink::error, sink::isCancelled)))
                .doOnCancel(call::cancelled)
                .subscribe(call::object, call::failed, call::completed);
        group.add(subscription);
        return emitter.get();
    }
}
