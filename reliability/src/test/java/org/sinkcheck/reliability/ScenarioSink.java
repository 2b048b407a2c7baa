package org.sinkcheck.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.sinkcheck.kit.Capability;
import org.sinkcheck.kit.Events;
import org.sinkcheck.kit.SinkAdapter;
import org.sinkcheck.model.EventKind;

/**
 * One sink of the adapter under test, with its sink and handle types hidden so a test reads like the
 * scenario it plays: {@code a.begin(ctx).deliver("x")}, {@code a.cancel()}, {@code a.heard(ctx)}. Every
 * method goes through the kit's {@link SinkAdapter}, so the tests run on any sink that has an adapter.
 * A scenario runs through {@link #play}, which hands every sink it opened to the adapter's
 * {@code dispose} exactly once when it ends, however it ends (issue 17).
 */
abstract class ScenarioSink {
    /** The sinks opened by the scenario that is running (scenarios run one at a time) and not yet disposed of. */
    private static final List<ScenarioSink> OPEN = new ArrayList<>();

    /** Plays {@code scenario} on {@code adapter}, then disposes of every sink it opened, also when it failed. */
    static void play(SinkAdapter<?, ?> adapter, Consumer<SinkAdapter<?, ?>> scenario) {
        try {
            scenario.accept(adapter);
        } finally {
            List<ScenarioSink> opened;
            synchronized (OPEN) {
                opened = List.copyOf(OPEN);
                OPEN.clear();
            }
            for (ScenarioSink sink : opened) sink.dispose();
        }
    }

    /** What this sink's listener records, or null if the test gave it a listener of its own. */
    private final RecordingEvents recorded;

    private ScenarioSink(RecordingEvents recorded) { this.recorded = recorded; }

    /** A new sink of {@code adapter} whose listener records what it hears ({@link #heard}). */
    static ScenarioSink open(SinkAdapter<?, ?> adapter) {
        RecordingEvents recorded = new RecordingEvents();
        return typed(adapter, recorded, recorded);
    }

    /** A new sink of {@code adapter} whose listener is {@code events}, a listener that records nothing here. */
    static ScenarioSink open(SinkAdapter<?, ?> adapter, Events events) {
        return typed(adapter, events, null);
    }

    private static <S, H> ScenarioSink typed(SinkAdapter<S, H> adapter, Events events, RecordingEvents recorded) {
        ScenarioSink opened = new Typed<>(adapter, adapter.newSink(events), recorded);
        synchronized (OPEN) {
            OPEN.add(opened);
        }
        return opened;
    }

    /** What this sink's listener heard of {@code context}'s calls, in order. */
    List<EventKind> heard(Object context) { return recorded().heard(context); }

    /** Every event this sink's listener heard, of any context. */
    int heardTotal() { return recorded().total(); }

    /** Every listener error this sink reported. */
    List<RecordingEvents.ReportedError> listenerErrors() { return recorded().errors(); }

    /** What this sink's listener does after recording each event: throw, block or cancel. */
    void hook(RecordingEvents.Hook hook) { recorded().hook(hook); }

    private RecordingEvents recorded() {
        if (recorded == null) throw new IllegalStateException(name() + ": this sink's listener is the test's own and records nothing");
        return recorded;
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

    /** Hands the sink to the adapter's {@code dispose}. */
    abstract void dispose();

    private static final class Typed<S, H> extends ScenarioSink {
        private final SinkAdapter<S, H> adapter;
        private final S sink;

        Typed(SinkAdapter<S, H> adapter, S sink, RecordingEvents recorded) {
            super(recorded);
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

        @Override void dispose() { adapter.dispose(sink); }

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
