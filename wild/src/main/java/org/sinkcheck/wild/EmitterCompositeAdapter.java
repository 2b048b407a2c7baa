package org.sinkcheck.wild;

import java.util.EnumSet;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.sinkcheck.kit.Capability;

/**
 * The libraries whose group is a composite of subscriptions and whose provider holds the emitter its
 * subscription was created with (RxJava's {@code CompositeDisposable}, Reactor's
 * {@code Disposables.composite()}): the provider's signals are the emitter's, cancel is the composite's
 * dispose, the pending calls are the composite's size. A library supplies its composite's three
 * operations and how a member subscribes; both can do and tell the same, so they declare the same
 * capabilities: all but progress (neither has a progress signal) and handle checks (an emitter is bound
 * to its subscription by construction; no API presents a handle to a composite).
 *
 * @param <G> the library's composite
 */
abstract class EmitterCompositeAdapter<G> extends GroupAdapter<G, EmitterCompositeAdapter.Emitter> {

    /** A member's emitter, in the library's own words: its three signals and whether it was cancelled. */
    record Emitter(Consumer<Object> next, Runnable complete, Consumer<Throwable> error, BooleanSupplier cancelled) {}

    private final Supplier<G> newComposite;
    private final Consumer<G> dispose;
    private final ToIntFunction<G> size;

    EmitterCompositeAdapter(String name, Supplier<G> newComposite, Consumer<G> dispose, ToIntFunction<G> size) {
        super(name, EnumSet.of(Capability.FAIL, Capability.PROVIDER_TOLD, Capability.RETENTION_VISIBLE,
                Capability.LISTENER_ERRORS, Capability.CANCEL_IN_CALLBACK, Capability.THREAD_SAFE));
        this.newComposite = newComposite;
        this.dispose = dispose;
        this.size = size;
    }

    @Override
    final G newGroup() { return newComposite.get(); }

    @Override
    final void emitObject(Member<Emitter> member, Object object) { member.handle().next().accept(object); }

    @Override
    final void emitCompleted(Emitter emitter) { emitter.complete().run(); }

    @Override
    final void emitFailed(Emitter emitter, Throwable error) { emitter.error().accept(error); }

    @Override
    final void cancelGroup(G group) { dispose.accept(group); }

    @Override
    final boolean handleSaysCancelled(Emitter emitter) { return emitter.cancelled().getAsBoolean(); }

    @Override
    public final int pendingCalls(Group<G> sink) { return size.applyAsInt(sink.group()); }
}
