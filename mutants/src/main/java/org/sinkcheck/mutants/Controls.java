package org.sinkcheck.mutants;

import java.util.List;
import org.sinkcheck.sink.Sink;

/**
 * The correct control sinks: one per design the mutants are written in. Each must pass every tier — the
 * conformance kit, the stress tier and the soak — so a tier that fails one has a false positive. The
 * mutants of a design break one hook of its control.
 */
public final class Controls {
    private Controls() {}

    /**
     * One control: its class, its design in a few words, and whether it calls back on threads of its
     * own (its adapter then settles, and Lincheck, which cannot run such a sink, reports NOT RUN).
     */
    public record Control(Class<? extends Sink<Object>> type, String design, boolean ownThreads) {
        public String name() { return type.getSimpleName(); }

        /** The name to pass to {@code Adapters.load} or {@code ./sinkcheck check --sink}. */
        public String adapterClassName() { return type.getName() + "$Adapter"; }
    }

    public static final List<Control> ALL = List.of(
            new Control(BaseSink.class, "locks: one lock per sink, never held around a listener", false),
            new Control(ConcurrentMapSink.class, "a ConcurrentHashMap registry; each call's state by compare-and-set", false),
            new Control(CopyOnWriteSink.class, "a CopyOnWriteArrayList registry, cancelled from one snapshot", false),
            new Control(CasSink.class, "lock-free: an immutable list behind one AtomicReference, read once by cancel", false),
            new Control(ExecutorSink.class, "callbacks on the sink's own serial executor over a pool whose threads come and go", true));
}
