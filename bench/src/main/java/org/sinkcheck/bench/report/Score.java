package org.sinkcheck.bench.report;

/**
 * One benchmark result as the report needs it: which benchmark, which implementation, how many pending
 * calls (0 where the benchmark has none), and the median over all measured iterations of all forks.
 *
 * @param benchmark the benchmark method's name, e.g. {@code cancel}
 * @param impl      the implementation's id, or an author adapter's class name
 * @param calls     the {@code calls} parameter, 0 if the benchmark has none
 * @param neighbourCalls the {@code neighbourCalls} parameter (pending calls on a neighbouring sink), 0 if none
 * @param median    JMH's 50th percentile of the iteration scores
 * @param unit      JMH's score unit, e.g. {@code us/op} or {@code ops/us}
 * @param bytesPerOp JMH's GC profiler's {@code gc.alloc.rate.norm} (bytes allocated per operation),
 *                  NaN when the run was not profiled
 */
public record Score(String benchmark, String impl, int calls, int neighbourCalls, double median, String unit, double bytesPerOp) {}
