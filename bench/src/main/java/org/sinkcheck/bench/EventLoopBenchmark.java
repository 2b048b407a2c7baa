package org.sinkcheck.bench;

import java.util.Queue;
import org.jctools.queues.MpscArrayQueue;
import org.jctools.queues.SpmcArrayQueue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Control;
import org.sinkcheck.bench.report.BenchReport;
import org.sinkcheck.reference.ReferenceSink;
import org.sinkcheck.bench.report.Footprint;
import org.sinkcheck.kit.Capability;

/**
 * The shapes real asynchronous code has: calls begun on some threads and completed on others, and no
 * cancel at all.
 * <ul>
 *   <li>{@code eventLoop}: {@value #POOL} pool threads begin calls (request threads), one event-loop
 *       thread completes them;</li>
 *   <li>{@code reverse}: one thread begins calls, {@value #POOL} pool threads complete them (callbacks
 *       on executor threads).</li>
 * </ul>
 * A begun call travels to a completing thread through a bounded lock-free queue of {@value #QUEUED}
 * places (JCTools' {@code MpscArrayQueue} and {@code SpmcArrayQueue}, the queues Netty's event loops are
 * built on), so at most {@value #QUEUED} + {@value #POOL} + 1 calls are pending at any instant: a thread
 * that finds the queue full (or empty) yields and tries again. Throughput is the completing side's
 * calls per microsecond (JMH's secondary metric of the completing method); the queue's cost is the
 * same for every implementation.
 *
 * <p>After each trial (one fork), every call still queued is completed, the sink must then reference
 * none ({@code pendingCalls() == 0}, or the run fails), and what the sink still retains is measured:
 * JOL's size of everything reachable from it, for every implementation, and the registry's own
 * high-water mark where a sink exposes one ({@link #registryHighWaterMark}). Each fork appends that as
 * one line to the file named by the system property {@value Footprint#FILE_PROPERTY} (the bench runner
 * sets it), or prints it without one.
 *
 * <p>Thread counts on two cores: {@value #POOL} + 1 threads are more than the cores, as a request pool
 * is, and more than the 4 stripes the reference sink has on a 2-CPU machine, so threads share stripes.
 * The throughput therefore measures each sink under preemption as much as its own cost, and no target
 * rests on it. What a sink retains after the run depends on how its threads interleaved, not on a
 * timer: one figure per fork, and the report shows their spread.
 */
public class EventLoopBenchmark extends ThroughputBenchmark {
    /** Threads in the pool: with the other side's thread, more than the two cores and than the reference's 4 stripes there. */
    static final int POOL = 4;
    /** Calls that may wait in the queue between the two sides (a power of two: the queues round up). */
    static final int QUEUED = 256;

    /** One shared sink and the queue from the beginning side to the completing side. */
    @State(Scope.Group)
    public static class Handoff {
        @Param({"reference", "rxjava", "reactor", "coroutines", "synchronized-set", "concurrent-set"})
        public String impl;

        LoadedSink<?, ?> sink;
        Queue<Object> queue;

        @Setup(Level.Trial)
        public void open(BenchmarkParams params) { open(shape(params)); }

        void open(String shape) {
            sink = LoadedSink.silent(impl, "the event-loop shapes", Capability.THREAD_SAFE, Capability.RETENTION_VISIBLE);
            queue = shape.equals(BenchReport.EVENT_LOOP) ? new MpscArrayQueue<>(QUEUED) : new SpmcArrayQueue<>(QUEUED);
        }

        /** Hands {@code call} on; at the end of a measurement nobody may take it, so it is completed here. */
        void handOff(Object call, Control control) {
            while (!queue.offer(call)) {
                if (control.stopMeasurement) {
                    sink.complete(call);
                    return;
                }
                Thread.yield();
            }
        }

        /** Completes the next queued call; false if the measurement ended while none was queued. */
        boolean completeNext(Control control) {
            Object call;
            while ((call = queue.poll()) == null) {
                if (control.stopMeasurement) return false;
                Thread.yield();
            }
            return sink.complete(call);
        }

        @TearDown(Level.Trial)
        public void footprint(BenchmarkParams params) {
            try {
                Footprint.record(footprint(shape(params)));
            } finally {
                sink.close();
            }
        }

        /** Completes every queued call, checks the sink references none, and measures what it retains. */
        Footprint footprint(String shape) {
            for (Object call; (call = queue.poll()) != null; ) sink.complete(call);
            int pending = sink.pendingCalls();
            if (pending != 0) {
                throw new IllegalStateException(impl + ": " + pending + " calls still referenced after every call was completed");
            }
            return new Footprint(shape, impl, MemoryProbe.retainedBytes(sink.sink()), registryHighWaterMark(sink.sink()));
        }

        /** The shape a trial runs: its benchmark group's name. */
        private static String shape(BenchmarkParams params) {
            return params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        }
    }

    /**
     * The slots the sink's registry holds after the run, where a sink exposes it: the reference sink's
     * {@code slotCapacityByStripe()} summed over its stripes (each stripe's capacity is its high-water
     * mark: it only grows, and at most to {@code max(256, 2 × peak)} of that stripe). Null for a sink
     * that exposes none; JOL's retained size is every implementation's figure.
     */
    static Long registryHighWaterMark(Object sink) {
        if (!(sink instanceof ReferenceSink<?> reference)) return null;
        long slots = 0;
        for (int capacity : reference.slotCapacityByStripe()) slots += capacity;
        return slots;
    }

    @Benchmark
    @Group(BenchReport.EVENT_LOOP)
    @GroupThreads(POOL)
    public void poolBegins(Handoff handoff, Control control) {
        handoff.handOff(handoff.sink.begin(), control);
    }

    @Benchmark
    @Group(BenchReport.EVENT_LOOP)
    @GroupThreads(1)
    public boolean loopCompletes(Handoff handoff, Control control) {
        return handoff.completeNext(control);
    }

    @Benchmark
    @Group(BenchReport.REVERSE)
    @GroupThreads(1)
    public void loopBegins(Handoff handoff, Control control) {
        handoff.handOff(handoff.sink.begin(), control);
    }

    @Benchmark
    @Group(BenchReport.REVERSE)
    @GroupThreads(POOL)
    public boolean poolCompletes(Handoff handoff, Control control) {
        return handoff.completeNext(control);
    }
}
