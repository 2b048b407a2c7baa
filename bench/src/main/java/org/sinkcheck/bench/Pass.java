package org.sinkcheck.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.sinkcheck.bench.report.Footprint;

/**
 * One JMH invocation of a bench run: which benchmarks, at which parameters, with how much warm-up and
 * measurement. A run needs several because a cancel of one call and of a million calls need different
 * batch sizes, and JMH sets those per invocation, not per parameter.
 *
 * @param name         names the pass in the log
 * @param include      JMH's benchmark regular expression
 * @param params       JMH parameters ({@code impl}, {@code calls}, ...) and their values
 * @param forks        0 runs in this JVM (smoke only)
 * @param warmup       warm-up iterations
 * @param warmupBatch  invocations per warm-up iteration (single-shot benchmarks)
 * @param iterations   measurement iterations
 * @param batch        invocations per measurement iteration (single-shot benchmarks)
 * @param iterationMs  time per iteration in ms (throughput benchmarks), 0 for single-shot ones
 * @param gcProfile    whether JMH's GC profiler records bytes allocated per operation; only where no
 *                     untimed per-invocation setup allocates, or it would count that too
 */
record Pass(String name, String include, Map<String, List<String>> params, int forks,
            int warmup, int warmupBatch, int iterations, int batch, long iterationMs, boolean gcProfile) {

    /**
     * JMH options for this pass, writing JSON to {@code json}; forks append what the event-loop shapes
     * leave retained to {@code footprints}.
     */
    Options options(Path json, Path footprints) {
        List<String> jvmArgs = new ArrayList<>(BenchPlan.FORK_JVM_ARGS);
        jvmArgs.add("-D" + Footprint.FILE_PROPERTY + "=" + footprints.toAbsolutePath());
        ChainedOptionsBuilder builder = new OptionsBuilder()
                .include(include)
                .forks(forks)
                .jvmArgsAppend(jvmArgs.toArray(String[]::new))
                .warmupIterations(warmup)
                .measurementIterations(iterations)
                .shouldFailOnError(true)
                .resultFormat(ResultFormatType.JSON)
                .result(json.toString());
        params.forEach((name, values) -> builder.param(name, values.toArray(String[]::new)));
        if (gcProfile) builder.addProfiler(GCProfiler.class);
        if (iterationMs > 0) {
            TimeValue time = new TimeValue(iterationMs, TimeUnit.MILLISECONDS);
            builder.warmupTime(time).measurementTime(time);
        } else {
            // JMH reports a single-shot score per invocation of the batch loop; dividing by the batch
            // makes it per cancel() (warm-up scores, divided by the same, are not reported).
            builder.warmupBatchSize(warmupBatch).measurementBatchSize(batch).operationsPerInvocation(batch);
        }
        return builder.build();
    }
}
