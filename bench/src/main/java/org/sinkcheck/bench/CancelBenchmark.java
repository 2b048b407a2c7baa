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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Cancel latency: one {@code cancel()} of a sink holding N pending calls, each invocation on a freshly
 * loaded sink ({@link Mode#SingleShotTime} with a per-invocation setup that JMH does not time). What is
 * timed ends when {@code cancel()} returns; the per-invocation tear-down then checks that every call was
 * observably cancelled by then (it refuses a delivery) and that nothing is retained, else the run fails.
 *
 * <p>Three measurements: {@link #cancel} alone; {@link #cancelBesideNeighbour}, the same beside another
 * sink of the same implementation that holds no call and then a million pending calls (isolation: SC-02
 * says that sink must not matter; both cases are one benchmark method, measured back to back, so their
 * ratio compares one method with itself at nearly the same time); {@link #cancelUntilQuiet}, until
 * every final has run and nothing is retained, for a design that finishes the sweep after
 * {@code cancel()} returns.
 *
 * <p>Warm-up and batch sizes differ with N (a cancel of one call is nanoseconds, of a million is
 * milliseconds); {@link BenchRunner} sets them per N. The annotations are the defaults for a direct
 * {@code java -jar benchmarks.jar} run.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, batchSize = 20)
@Measurement(iterations = 15)
public class CancelBenchmark {

    /**
     * From this many calls on, the setup's garbage fills the young generation within an invocation or
     * two, so a young collection would land in the cancel itself; a full collection before it removes that.
     * Below it, a collection before each of thousands of invocations would cost more than it removes.
     */
    private static final int FULL_GC_FROM = 1_000_000;

    /** A freshly loaded sink for every invocation. */
    @State(Scope.Thread)
    public static class Pending {
        @Param({"reference", "rxjava", "reactor", "coroutines", "synchronized-set", "concurrent-set", "limit"})
        public String impl;

        @Param({"1", "100", "10000", "1000000"})
        public int calls;

        LoadedSink<?, ?> loaded;

        @Setup(Level.Invocation)
        public void load() {
            loaded = LoadedSink.open(Implementation.adapter(impl), calls);
            if (calls >= FULL_GC_FROM) System.gc();
        }

        @TearDown(Level.Invocation)
        public void check() {
            try {
                loaded.verifyAllCancelled();
            } finally {
                loaded.close();
                loaded = null;
            }
        }
    }

    /**
     * Another sink of the same implementation holding {@code neighbourCalls} pending calls for the whole
     * trial: 0 is the idle case the isolation ratio divides by.
     */
    @State(Scope.Thread)
    public static class Neighbour {
        @Param({"0", "1000000"})
        public int neighbourCalls;

        LoadedSink<?, ?> neighbour;

        @Setup(Level.Trial)
        public void load(BenchmarkParams params) {
            neighbour = LoadedSink.open(Implementation.adapter(params.getParam("impl")), neighbourCalls);
        }

        @TearDown(Level.Invocation)
        public void check() { neighbour.verifyUntouched(); }

        @TearDown(Level.Trial)
        public void close() { neighbour.close(); }
    }

    @Benchmark
    public void cancel(Pending pending) {
        pending.loaded.cancel();
    }

    @Benchmark
    public void cancelBesideNeighbour(Pending pending, Neighbour neighbour) {
        pending.loaded.cancel();
    }

    @Benchmark
    public void cancelUntilQuiet(Pending pending) {
        pending.loaded.cancel();
        pending.loaded.awaitQuiet();
    }
}
