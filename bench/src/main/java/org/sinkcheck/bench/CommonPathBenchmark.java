package org.sinkcheck.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.sinkcheck.kit.Capability;

/**
 * The common path, where calls simply finish: begin + complete on one shared sink from one and from two
 * threads. Throughput in operations per microsecond. The limit is not a sink (not thread safe, never
 * unlinks) and is refused here. Delivery is {@link DeliverBenchmark}'s.
 */
public class CommonPathBenchmark extends ThroughputBenchmark {

    /** One sink shared by every benchmark thread. */
    @State(Scope.Benchmark)
    public static class SharedSink {
        @Param({"reference", "rxjava", "reactor", "coroutines", "synchronized-set", "concurrent-set"})
        public String impl;

        LoadedSink<?, ?> sink;

        @Setup(Level.Trial)
        public void open() {
            sink = LoadedSink.silent(impl, "begin + complete from two threads", Capability.THREAD_SAFE);
        }

        @TearDown(Level.Trial)
        public void close() { sink.close(); }
    }

    @Benchmark
    @Threads(1)
    public boolean beginComplete1(SharedSink shared) {
        return shared.sink.beginAndComplete();
    }

    @Benchmark
    @Threads(2)
    public boolean beginComplete2(SharedSink shared) {
        return shared.sink.beginAndComplete();
    }
}
