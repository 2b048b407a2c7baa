package org.sinkcheck.bench;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.sinkcheck.kit.SinkAdapter;
import org.sinkcheck.kit.trace.TraceEvent;
import org.sinkcheck.kit.trace.TraceRecorder;
import org.sinkcheck.reference.StepLog;

/**
 * What recording a run for trace validation costs: one call's life (begin, one deliver, complete) on
 * one sink shared by the benchmark threads, from one and from two threads, with nothing recorded
 * ({@code plain}), through a {@code TracingAdapter} recording it ({@code traced}), and on the reference
 * sink with its step log compiled in ({@link StepLogCostBenchmark}'s forks), not recording
 * ({@code stepsIdle}) and recording with every operation bracketed by {@code StepLog.enter}/{@code exit},
 * as {@code AlgoTraceWorkload} records ({@code steps}). Throughput: lives per microsecond, of all threads together. The variant is the
 * method, so one JMH run of both classes measures them side by side and the report's ratios pair its forks.
 *
 * <p>A recording keeps every event in memory until it is written, so each measures a bounded run: every
 * iteration (100 ms) opens a new sink, a new recorder or step recording and, when it ends, checks that
 * every life was recorded whole (untimed) and drops them. A recording therefore never outgrows one
 * iteration's lives; the report gives the lives per iteration, and so the largest recording measured
 * ({@code RecordingCostReport}; docs/measurements/recording-cost-2026-12-03.md has a run).
 */
@Warmup(iterations = 20, time = 100, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 10, time = 100, timeUnit = TimeUnit.MILLISECONDS)
public class RecordingCostBenchmark extends ThroughputBenchmark {
    /*
     * Implementation notes.
     *
     * A full collection before every iteration, for every variant. A recording's per-thread buffers are
     * values of its own ThreadLocal, so after the iteration drops the recording they stay reachable from
     * each benchmark thread's ThreadLocalMap until a collection has cleared the key and the thread's map
     * has expunged the stale entry. Without the collection the old recordings piled up in the old
     * generation (1.4 GB live after 15 iterations of steps1) and the step log's figure measured young
     * pauses of up to 0.5 s copying them: 0.006 to 0.6 lives per µs from one iteration to the next.
     */
    /** One sink shared by the benchmark threads, new every iteration; nothing recorded. */
    @State(Scope.Benchmark)
    public static class Plain {
        @Param({"reference"})
        public String impl;

        LoadedSink<?, ?> sink;
        final Object object = new Object();

        @Setup(Level.Iteration)
        public void open() {
            System.gc(); // the last iteration's recording, outside the measurement (see the notes)
            sink = LoadedSink.silent(adapt(Implementation.adapter(impl)));
        }

        /** The adapter the lives go through. */
        SinkAdapter<?, ?> adapt(SinkAdapter<?, ?> adapter) { return adapter; }

        /** One call's life. */
        boolean life() {
            Object call = sink.begin();
            return sink.deliver(call, object) & sink.complete(call);
        }

        /** Every life of the iteration was recorded whole; nothing to check when nothing is recorded. */
        void verifyRecorded() {}

        @TearDown(Level.Iteration)
        public void close() {
            verifyRecorded();
            if (sink.pendingCalls() != 0) {
                throw new IllegalStateException(impl + ": " + sink.pendingCalls() + " calls still referenced after every life ended");
            }
            sink.close();
        }
    }

    /** The same lives through a {@code TracingAdapter} of a recorder new every iteration. */
    @State(Scope.Benchmark)
    public static class Traced extends Plain {
        TraceRecorder recorder;

        @Override
        SinkAdapter<?, ?> adapt(SinkAdapter<?, ?> adapter) {
            recorder = new TraceRecorder();
            return recorder.wrap(adapter);
        }

        @Override
        void verifyRecorded() { requireWholeLives(recorder.events(), TRACED_LIFE, RecordingCostBenchmark::signature); }
    }

    /** The reference sink with its step log compiled in, not recording: what the hooks cost alone. */
    @State(Scope.Benchmark)
    public static class StepsIdle extends Plain {
        @Override
        SinkAdapter<?, ?> adapt(SinkAdapter<?, ?> adapter) {
            if (!StepLog.ON) throw new IllegalStateException("the step log's benchmarks need their forks' " + StepLogCostBenchmark.STEPS_ON);
            if (!impl.equals(Implementation.REFERENCE.id())) throw new IllegalArgumentException("bench: only the reference sink has a step log, not " + impl);
            return adapter;
        }
    }

    /** The reference sink recording its steps, every operation bracketed; a recording new every iteration. */
    @State(Scope.Benchmark)
    public static class StepsRecording extends StepsIdle {
        StepLog.Recording recording;

        @Override
        SinkAdapter<?, ?> adapt(SinkAdapter<?, ?> adapter) {
            SinkAdapter<?, ?> reference = super.adapt(adapter);
            recording = StepLog.start();
            return reference;
        }

        @Override
        boolean life() {
            StepLog.enter();
            Object call = sink.begin();
            StepLog.exit();
            StepLog.enter();
            boolean delivered = sink.deliver(call, object);
            StepLog.exit();
            StepLog.enter();
            boolean completed = sink.complete(call);
            StepLog.exit();
            return delivered & completed;
        }

        @Override
        void verifyRecorded() {
            List<StepLog.Step> steps = recording.stop().stream().flatMap(List::stream).toList();
            for (StepLog.Step step : steps) {
                if (step.inv() <= 0 || step.ret() == Long.MAX_VALUE) throw new IllegalStateException("a step outside its operation's interval: " + step);
            }
            requireWholeLives(steps, STEPPED_LIFE, RecordingCostBenchmark::signature);
        }
    }

    /** What a {@code TracingAdapter} records of one life: each event's kind and operation or callback, and each answer. */
    static final Map<String, Integer> TRACED_LIFE = Map.of(
            "inv begin", 1, "ret begin true", 1,
            "inv object", 1, "cb object", 1, "cbEnd", 2, "ret object true", 1,
            "inv complete", 1, "cb completed", 1, "ret complete true", 1);

    /** The steps the reference sink logs of one life: each CancelAllAlgo action and what it read or wrote. */
    static final Map<String, Integer> STEPPED_LIFE = Map.ofEntries(
            Map.entry("BeginRead", 1), Map.entry("BeginPublish", 1), Map.entry("BeginRecheck open", 1),
            Map.entry("SignalClaim", 1), Map.entry("SignalCheck open", 1), Map.entry("SignalReturn won", 1),
            Map.entry("FinishClaim completed", 1), Map.entry("FinishCheck open", 1), Map.entry("FinishDecide completed", 1),
            Map.entry("Unlink", 1), Map.entry("SendFinal completed", 1));

    static String signature(TraceEvent e) {
        String what = switch (e.kind()) {
            case INV -> e.op();
            case RET -> e.op() + " " + e.ok();
            case CB -> e.event();
            default -> "";
        };
        return what.isEmpty() ? e.kind().wire() : e.kind().wire() + " " + what;
    }

    static String signature(StepLog.Step s) {
        return s.x() == null ? s.action() : s.action() + " " + s.x();
    }

    /**
     * {@code recorded} is some number of whole lives, each recorded as {@code life} says (signatures and
     * how often each occurs in one life), and nothing else: else the recording lost or added something
     * and the benchmark measured something else.
     */
    static <E> void requireWholeLives(List<E> recorded, Map<String, Integer> life, Function<E, String> signature) {
        Map<String, Integer> counts = new TreeMap<>();
        for (E e : recorded) counts.merge(signature.apply(e), 1, Integer::sum);
        int lives = counts.getOrDefault(life.keySet().iterator().next(), 0) / life.values().iterator().next();
        Map<String, Integer> expected = new TreeMap<>();
        life.forEach((what, times) -> expected.put(what, times * lives));
        if (lives == 0 || !counts.equals(expected)) {
            throw new IllegalStateException("the recording is not whole lives: " + counts + ", where " + lives + " lives record " + expected);
        }
    }

    @Benchmark
    @Threads(1)
    public boolean plain1(Plain state) { return state.life(); }

    @Benchmark
    @Threads(2)
    public boolean plain2(Plain state) { return state.life(); }

    @Benchmark
    @Threads(1)
    public boolean traced1(Traced state) { return state.life(); }

    @Benchmark
    @Threads(2)
    public boolean traced2(Traced state) { return state.life(); }
}
