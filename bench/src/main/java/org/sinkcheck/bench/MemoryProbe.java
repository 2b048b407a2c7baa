package org.sinkcheck.bench;

import java.lang.management.ManagementFactory;
import org.openjdk.jol.info.GraphLayout;
import org.sinkcheck.bench.report.MemoryFigures;
import org.sinkcheck.kit.SinkAdapter;

/**
 * Memory, measured, never estimated. Three figures per implementation:
 * <ul>
 *   <li><b>per pending call</b>: JOL walks everything reachable from a sink object and sums the real
 *       object sizes of this JVM; the difference between a sink with N pending calls and an empty one,
 *       divided by N, is what one pending call costs (its call state, its registry entry, its share of
 *       the registry's table). The calls' context is one shared object, so it does not count;</li>
 *   <li><b>allocated by cancel()</b>, per cancelled call: the cancelling thread's allocation counter
 *       ({@code com.sun.management.ThreadMXBean}) around one warmed-up cancel of N calls;</li>
 *   <li><b>reachable from a stale handle</b> after the cancel: what a provider that still holds one
 *       cancelled call's handle keeps alive (JOL, from the handle).</li>
 * </ul>
 */
public final class MemoryProbe {
    static {
        // Sinks hold lambdas, whose classes are hidden: Unsafe refuses their field offsets, and JOL
        // then needs either a self-attached agent (a JVM flag we cannot set from here) or this.
        if (System.getProperty("jol.magicFieldOffset") == null) System.setProperty("jol.magicFieldOffset", "true");
    }

    /** Cancels before the measured one, so that the JIT has compiled the sweep as in the benchmarks. */
    private static final int WARM_UP_CANCELS = 30;
    private static final int WARM_UP_CALLS = 10_000;

    private MemoryProbe() {}

    /** JOL's size of everything reachable from {@code root}: what it retains, in bytes. */
    public static long retainedBytes(Object root) {
        return GraphLayout.parseInstance(root).totalSize();
    }

    /** All three figures for {@code adapter}'s sinks at {@code pending} calls. */
    public static MemoryFigures measure(SinkAdapter<?, ?> adapter, int pending) {
        if (pending <= 0) throw new IllegalArgumentException("bench: memory probe needs at least one pending call, got " + pending);
        long empty;
        try (LoadedSink<?, ?> idle = LoadedSink.open(adapter, 0)) {
            empty = retainedBytes(idle.sink());
        }
        try (LoadedSink<?, ?> loaded = LoadedSink.open(adapter, pending)) {
            long full = retainedBytes(loaded.sink());

            for (int i = 0; i < WARM_UP_CANCELS; i++) {
                try (LoadedSink<?, ?> warm = LoadedSink.open(adapter, WARM_UP_CALLS)) {
                    warm.cancel();
                }
            }
            com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long thread = Thread.currentThread().getId();
            long before = threads.getThreadAllocatedBytes(thread);
            loaded.cancel();
            long allocated = threads.getThreadAllocatedBytes(thread) - before;

            long staleReach = retainedBytes(loaded.anyCall());
            return new MemoryFigures((double) (full - empty) / pending, (double) allocated / pending, staleReach);
        }
    }
}
