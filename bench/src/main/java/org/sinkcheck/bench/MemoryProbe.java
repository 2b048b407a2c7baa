package org.sinkcheck.bench;

import org.openjdk.jol.info.GraphLayout;
import org.sinkcheck.kit.SinkAdapter;

/**
 * Memory per pending call, measured: JOL walks everything reachable from a sink object and sums the
 * real object sizes of this JVM; the difference between a sink with N pending calls and an empty one,
 * divided by N, is what one pending call costs the sink (its call state, its registry entry, its share
 * of the registry's table). The calls' context is one shared object, so it does not count.
 */
public final class MemoryProbe {
    static {
        // Sinks hold lambdas, whose classes are hidden: Unsafe refuses their field offsets, and JOL
        // then needs either a self-attached agent (a JVM flag we cannot set from here) or this.
        if (System.getProperty("jol.magicFieldOffset") == null) System.setProperty("jol.magicFieldOffset", "true");
    }

    private MemoryProbe() {}

    /** Bytes per pending call of {@code adapter}'s sinks, from sinks with 0 and {@code pending} calls. */
    public static double bytesPerPendingCall(SinkAdapter<?, ?> adapter, int pending) {
        if (pending <= 0) throw new IllegalArgumentException("bench: memory probe needs at least one pending call, got " + pending);
        long empty = GraphLayout.parseInstance(LoadedSink.open(adapter, 0).sink()).totalSize();
        long loaded = GraphLayout.parseInstance(LoadedSink.open(adapter, pending).sink()).totalSize();
        return (double) (loaded - empty) / pending;
    }
}
