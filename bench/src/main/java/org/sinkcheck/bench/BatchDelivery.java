package org.sinkcheck.bench;

import java.util.List;

/**
 * An adapter whose sink delivers several objects of one call in one step, as WMI's
 * {@code IWbemObjectSink::Indicate} takes an array of objects: the sink claims the call once per batch
 * instead of once per object. The batch benchmark ({@link DeliverBenchmark#deliverBatch}) uses it when
 * the adapter has it; for any other adapter a batch of k objects is k single deliveries.
 *
 * <p>The reference sink's adapter does not have it yet: sinkcheck's {@code Sink} API has no batch
 * method so far (the planned one is {@code Acceptance deliverAll(CallHandle call, List<?> objects)}).
 * Once it has, an adapter implementing this interface by calling that method is all the benchmark and
 * the report need.
 *
 * @param <S> the adapter's sink type
 * @param <H> the adapter's handle type
 */
public interface BatchDelivery<S, H> {
    /** Delivers {@code objects}, in order, as one batch of {@code call}; true if the sink accepted it. */
    boolean deliverAll(S sink, H call, List<?> objects);
}
