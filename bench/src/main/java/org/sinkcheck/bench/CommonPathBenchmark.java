package org.sinkcheck.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.sinkcheck.kit.Capability;

/**
 * The common path, where calls simply finish: begin + complete on one shared sink from one and from two
 * threads. Throughput in operations per microsecond. The limit is not a sink (not thread safe, never
 * unlinks) and is refused here. Delivery is {@link DeliverBenchmark}'s.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CommonPathBenchmark {

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
