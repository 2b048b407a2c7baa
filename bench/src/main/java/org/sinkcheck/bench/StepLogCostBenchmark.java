package org.sinkcheck.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link RecordingCostBenchmark}'s step-log variants, in forks with the reference sink's step log
 * compiled in: {@code stepsIdle}, the plain life with no recording started, and {@code steps}, the
 * life recorded step by step. Their settings are RecordingCostBenchmark's.
 */
@Fork(value = 1, jvmArgsPrepend = StepLogCostBenchmark.STEPS_ON, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 20, time = 100, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 10, time = 100, timeUnit = TimeUnit.MILLISECONDS)
public class StepLogCostBenchmark extends ThroughputBenchmark {
    /*
     * STEPS_ON is prepended, because the bench runner's options set the forks' appended arguments and
     * would drop it from there; the heap is ThroughputBenchmark's, repeated because a class's @Fork
     * replaces its superclass's.
     */
    static final String STEPS_ON = "-Dsinkcheck.reference.steps=true";

    @Benchmark
    @Threads(1)
    public boolean stepsIdle1(RecordingCostBenchmark.StepsIdle state) { return state.life(); }

    @Benchmark
    @Threads(2)
    public boolean stepsIdle2(RecordingCostBenchmark.StepsIdle state) { return state.life(); }

    @Benchmark
    @Threads(1)
    public boolean steps1(RecordingCostBenchmark.StepsRecording state) { return state.life(); }

    @Benchmark
    @Threads(2)
    public boolean steps2(RecordingCostBenchmark.StepsRecording state) { return state.life(); }
}
