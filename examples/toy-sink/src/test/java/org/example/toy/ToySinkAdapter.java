package org.example.toy;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.BiConsumer;
import org.sinkcheck.kit.Capability;
import org.sinkcheck.kit.Events;
import org.sinkcheck.kit.SinkAdapter;

/**
 * The toy sink plugged into the sinkcheck kit: the kit's abstract actions mapped onto the toy's API,
 * the toy's listener mapped back onto the kit's {@link Events}. What the toy lacks is declared, so the
 * rules that need it are reported NOT APPLICABLE, with the reason, instead of passing.
 */
public final class ToySinkAdapter implements SinkAdapter<ToySink, ToySink.Job> {

    private final BiFunction<ToySink.Listener, BiConsumer<Object, RuntimeException>, ToySink> factory;

    /** The toy itself: the constructor the gate loads the adapter by ({@code ./sinkcheck check --sink}). */
    public ToySinkAdapter() { this(ToySink::new); }

    /** @param factory the toy's constructor, or a variant's */
    public ToySinkAdapter(BiFunction<ToySink.Listener, BiConsumer<Object, RuntimeException>, ToySink> factory) {
        this.factory = factory;
    }

    @Override
    public String name() { return "toy-sink"; }

    // --8<-- [adapter]
    /** No progress signal, and single-threaded by design: no PROGRESS, no THREAD_SAFE. */
    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.FAIL, Capability.PROVIDER_TOLD, Capability.RETENTION_VISIBLE,
                Capability.HANDLE_CHECKS, Capability.LISTENER_ERRORS, Capability.CANCEL_IN_CALLBACK);
    }

    @Override
    public ToySink newSink(Events events) {
        ToySink.Listener listener = new ToySink.Listener() {
            @Override public void onResult(Object tag, Object value) { events.object(tag, value); }
            @Override public void onDone(Object tag) { events.completed(tag); }
            @Override public void onError(Object tag, Exception error) { events.failed(tag, error); }
            @Override public void onCancelled(Object tag) { events.cancelled(tag); }
        };
        return factory.apply(listener, events::listenerError);
    }

    @Override public ToySink.Job begin(ToySink sink, Object context) { return sink.start(context); }

    @Override public boolean deliver(ToySink sink, ToySink.Job call, Object object) { return sink.emit(call, object); }

    @Override public boolean complete(ToySink sink, ToySink.Job call) { return sink.finish(call); }

    @Override public boolean fail(ToySink sink, ToySink.Job call, Throwable error) {
        return sink.error(call, error instanceof Exception ? (Exception) error : new RuntimeException(error));
    }

    @Override public void cancel(ToySink sink) { sink.cancelAll(); }

    @Override public int pendingCalls(ToySink sink) { return sink.activeJobs(); }

    @Override public boolean providerSeesCancelled(ToySink sink, ToySink.Job call) { return call.isCancelled(); }
    // --8<-- [adapter]

    /** A Job can only be made by a ToySink, so the one handle no sink issued is null. */
    @Override public ToySink.Job forgeHandle(ToySink sink) { return null; }
}
