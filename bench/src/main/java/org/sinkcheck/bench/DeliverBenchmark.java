package org.sinkcheck.bench;

import java.util.List;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Delivery on one live call, from one thread: {@link #deliver}, one object at a time, and
 * {@link #deliverBatch}, {@code batch} objects at a time (WMI's {@code IWbemObjectSink::Indicate} takes
 * an array). Throughput: deliveries, or batches, per microsecond; the report turns a batch's figure
 * into objects per microsecond (× {@code batch}).
 *
 * <p>The limit is measured here too, because one thread needs no thread-safe sink: its call does the
 * two atomic steps every conforming delivery needs, a token claim and a token release by CAS around
 * the callback, once per object and once per batch (see {@code LimitCall}). The peers only read their
 * call's state before the callback, which keeps neither SC-04 nor SC-09; their batch is k deliveries,
 * as is the batch of any adapter that does not map a batch method ({@code SinkAdapter.deliverAll}'s
 * default). The reference's is {@code Sink.deliverAll}: one claim per batch, a re-check per object.
 */
public class DeliverBenchmark extends ThroughputBenchmark {

    /** A sink with one live call. */
    @State(Scope.Thread)
    public static class LiveCall {
        @Param({"reference", "rxjava", "reactor", "coroutines", "synchronized-set", "concurrent-set", "limit"})
        public String impl;

        LoadedSink<?, ?> sink;
        Object call;
        final Object object = new Object();

        @Setup(Level.Trial)
        public void begin() {
            sink = LoadedSink.silent(Implementation.adapter(impl));
            call = sink.begin();
        }

        @TearDown(Level.Trial)
        public void close() { sink.close(); }
    }

    /** The objects one batch carries: {@code batch} distinct objects. */
    @State(Scope.Thread)
    public static class Batch {
        @Param({"1", "16", "256"})
        public int batch;

        List<Object> objects;

        @Setup(Level.Trial)
        public void fill() {
            objects = Stream.generate(Object::new).limit(batch).toList();
        }
    }

    @Benchmark
    public boolean deliver(LiveCall live) {
        return live.sink.deliver(live.call, live.object);
    }

    @Benchmark
    public boolean deliverBatch(LiveCall live, Batch batch) {
        return live.sink.deliverAll(live.call, batch.objects);
    }
}
