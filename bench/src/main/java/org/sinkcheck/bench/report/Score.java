package org.sinkcheck.bench.report;

import java.util.Map;

/**
 * One benchmark result as the report needs it: which benchmark, which implementation, at which
 * parameters (0 where the benchmark has none), and its figure over the forks.
 *
 * @param benchmark      the benchmark method's name, e.g. {@code cancel}, or the group's, e.g. {@code eventLoop}
 * @param impl           the implementation's id, or an author adapter's class name
 * @param calls          the {@code calls} parameter (pending calls), 0 if the benchmark has none
 * @param neighbourCalls the {@code neighbourCalls} parameter (pending calls on a neighbouring sink), 0 if none
 * @param batch          the {@code batch} parameter (objects per batch), 0 if none
 * @param spread         the per-fork medians of JMH's iteration scores: min, median, max
 * @param unit           JMH's score unit, e.g. {@code us/op} or {@code ops/us}
 * @param bytesPerOp     JMH's GC profiler's {@code gc.alloc.rate.norm} (bytes allocated per operation),
 *                       NaN when the run was not profiled
 * @param methods        for a group benchmark, each method's own spread (JMH's secondary metrics), by name
 */
public record Score(String benchmark, String impl, int calls, int neighbourCalls, int batch, Spread spread,
                    String unit, double bytesPerOp, Map<String, Spread> methods) {

    public Score {
        methods = Map.copyOf(methods);
    }

    /** The median of the per-fork figures. */
    public double median() { return spread.median(); }
}
