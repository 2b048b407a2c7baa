package org.sinkcheck.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.sinkcheck.kit.Capability;
import org.sinkcheck.kit.Events;
import org.sinkcheck.kit.SinkAdapter;

/**
 * One sink of the adapter under test, with its sink and handle types hidden so a test reads like the
 * scenario it plays: {@code a.begin(ctx).deliver("x")}, {@code a.cancel()}. Every method goes through
 * the kit's {@link SinkAdapter}, so the tests run on any sink that has an adapter.
 */
abstract class ScenarioSink {
    /** A new sink of {@code adapter} whose listener is {@code events}. */
    static ScenarioSink open(SinkAdapter<?, ?> adapter, Events events) {
        return typed(adapter, events);
    }

    private static <S, H> ScenarioSink typed(SinkAdapter<S, H> adapter, Events events) {
        return new Typed<>(adapter, adapter.newSink(events));
    }

    /** A call's provider side. */
    interface Call {
        boolean deliver(Object object);

        boolean progress();

        boolean complete();

        boolean fail(Throwable error);

        boolean providerSeesCancelled();

        /** This call's handle, presented to {@code other} (a foreign handle there). */
        Call presentedTo(ScenarioSink other);
    }

    /** The adapter's name, for messages. */
    abstract String name();

    abstract Set<Capability> capabilities();

    abstract Call begin(Object context);

    abstract void cancel();

    abstract int pendingCalls();

    /** Begins {@code n} calls with fresh contexts named {@code name 0..n-1}; returns the contexts in order. */
    List<Object> beginMany(String name, int n) {
        List<Object> contexts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Object context = RecordingEvents.context(name + " " + i);
            contexts.add(context);
            begin(context);
        }
        return contexts;
    }

    /** A handle no sink issued, presented to this sink. */
    abstract Call forged();

    /** The author's sink object itself, e.g. for measuring its retained heap. */
    abstract Object sink();

    private static final class Typed<S, H> extends ScenarioSink {
        private final SinkAdapter<S, H> adapter;
        private final S sink;

        Typed(SinkAdapter<S, H> adapter, S sink) {
            this.adapter = adapter;
            this.sink = sink;
        }

        @Override String name() { return adapter.name(); }

        @Override Set<Capability> capabilities() { return adapter.capabilities(); }

        @Override Call begin(Object context) { return new TypedCall(adapter.begin(sink, context)); }

        @Override void cancel() { adapter.cancel(sink); }

        @Override int pendingCalls() { return adapter.pendingCalls(sink); }

        @Override Call forged() { return new TypedCall(adapter.forgeHandle(sink)); }

        @Override Object sink() { return sink; }

        private final class TypedCall implements Call {
            private final H handle;

            TypedCall(H handle) { this.handle = handle; }

            @Override public boolean deliver(Object object) { return adapter.deliver(sink, handle, object); }

            @Override public boolean progress() { return adapter.progress(sink, handle); }

            @Override public boolean complete() { return adapter.complete(sink, handle); }

            @Override public boolean fail(Throwable error) { return adapter.fail(sink, handle, error); }

            @Override public boolean providerSeesCancelled() { return adapter.providerSeesCancelled(sink, handle); }

            @SuppressWarnings("unchecked")
            @Override
            public Call presentedTo(ScenarioSink other) {
                Typed<S, H> there = (Typed<S, H>) other;   // same adapter, so the same handle type
                return there.new TypedCall(handle);
            }
        }
    }
}
