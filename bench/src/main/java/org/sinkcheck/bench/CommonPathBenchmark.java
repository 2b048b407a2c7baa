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
import org.sinkcheck.kit.SinkAdapter;

/**
 * The common path, where calls simply finish: begin + complete on one shared sink from one and from two
 * threads, and a delivery on a live call. Throughput in operations per microsecond. The limit is not a
 * sink (not thread safe, never unlinks) and is refused here.
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
            SinkAdapter<?, ?> adapter = Implementation.adapter(impl);
            if (!adapter.capabilities().contains(Capability.THREAD_SAFE)) {
                throw new IllegalArgumentException("bench: '" + impl + "' is not a thread-safe sink; the common path needs one");
            }
            sink = LoadedSink.silent(adapter);
        }
    }

    /** One pending call per thread on the shared sink. */
    @State(Scope.Thread)
    public static class LiveCall {
        Object call;
        final Object object = new Object();

        @Setup(Level.Trial)
        public void begin(SharedSink shared) { call = shared.sink.begin(); }
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

    @Benchmark
    @Threads(1)
    public boolean deliver(SharedSink shared, LiveCall live) {
        return shared.sink.deliver(live.call, live.object);
    }
}
