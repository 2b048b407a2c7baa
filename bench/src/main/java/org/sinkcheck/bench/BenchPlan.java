package org.sinkcheck.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sinkcheck.bench.report.BenchReport;

/**
 * What each {@link Profile} measures, as JMH passes. Every profile measures every implementation in the
 * same run, so the report's ratios compare figures taken side by side. The quick and full profiles run
 * every figure a target rests on in {@value #FORKS_QUICK} or more forks: the report's verdicts need a
 * spread over forks, and one fork's iterations share its JIT decisions and heap layout.
 *
 * <p>Batch sizes: a cancel of one or a hundred calls takes nanoseconds, below what one timer read can
 * resolve, so those invocations are timed in batches of 100 (JMH still builds a fresh sink for each,
 * untimed) and warmed with 15,000 (after 5,000, quick runs showed a step of up to 8× a dozen measured
 * iterations in: C2 still compiling the sweep). A cancel of a million calls is timed alone. A cancel of
 * ten thousand is timed in batches of 10. The neighbour-isolation ratio's two cases are one benchmark
 * method with an idle and a busy neighbour, measured back to back: as two methods (cancel, then the busy
 * case a minute later) it moved between 0.66 and 1.58 across five runs while each case stayed steady
 * within its own forks.
 *
 * <p>Throughput passes of the quick profile warm up for two one-second iterations and measure three,
 * whose median is the fork's figure: Reactor's begin + complete was once seen reaching its steady rate
 * only in its third second, and a median of three outlasts one slow iteration. The full profile warms
 * up for five.
 *
 * <p>The quick profile leaves out {@code cancelUntilQuiet}: the reference sink runs every final before
 * {@code cancel()} returns (but for a call whose callback is in flight, which a single-threaded
 * benchmark never has), so there it would measure the cancel again. It measures batches of 16 only (the
 * size a target names), and only for the subject and the limit: a peer's batch is k of its single
 * deliveries, which the deliver pass measures. The full profile measures batches of 1, 16 and 256 for
 * every implementation, and until-quiet.
 */
final class BenchPlan {
    private static final String CANCEL = only(CancelBenchmark.class, BenchReport.CANCEL);
    private static final String CANCEL_AND_NEIGHBOUR = only(CancelBenchmark.class, BenchReport.CANCEL, BenchReport.BESIDE_NEIGHBOUR);
    private static final String CANCEL_ALL_WAYS = only(CancelBenchmark.class, BenchReport.CANCEL, BenchReport.BESIDE_NEIGHBOUR, BenchReport.UNTIL_QUIET);
    private static final String BEGIN_COMPLETE = all(CommonPathBenchmark.class);
    private static final String DELIVER = all(DeliverBenchmark.class);
    private static final String DELIVER_SINGLE = only(DeliverBenchmark.class, BenchReport.DELIVER);
    private static final String DELIVER_BATCH = only(DeliverBenchmark.class, BenchReport.DELIVER_BATCH);
    private static final String SHAPES = all(EventLoopBenchmark.class);
    /** Forks per figure in the quick profile, the least a spread needs. */
    static final int FORKS_QUICK = 3;
    static final int FORKS_FULL = 5;
    /**
     * The forks' heap, fixed so that no resize lands in a measurement; and JOL's way in (it measures what
     * the event-loop shapes leave retained, after the measurement) without a warning on the console.
     */
    static final List<String> FORK_JVM_ARGS = List.of("-Xms2g", "-Xmx2g", "-Djdk.attach.allowAttachSelf=true");

    private BenchPlan() {}

    /** JMH's include pattern for every benchmark method of {@code benchmark}. */
    private static String all(Class<?> benchmark) { return benchmark.getSimpleName() + "\\."; }

    /** JMH's include pattern for the benchmark methods {@code methods} of {@code benchmark}, and no other. */
    private static String only(Class<?> benchmark, String... methods) {
        return all(benchmark) + (methods.length == 1 ? methods[0] : "(" + String.join("|", methods) + ")") + "$";
    }

    /** The passes of {@code profile} for {@code subject} (the reference sink's id or an adapter class). */
    static List<Pass> passes(Profile profile, String subject) {
        List<String> sinks = sinkImplementations(subject);
        List<String> withLimit = cancelImplementations(subject);

        return switch (profile) {
            case SMOKE -> List.of(
                    new Pass("cancel", CANCEL_ALL_WAYS, Map.of("impl", withLimit, "calls", List.of("1", "100"), "neighbourCalls", List.of("0", "1000")), 0, 0, 1, 1, 1, 0, false),
                    new Pass("begin + complete", BEGIN_COMPLETE, Map.of("impl", sinks), 0, 0, 1, 1, 1, 50, true),
                    new Pass("deliver, single and in batches", DELIVER, Map.of("impl", withLimit, "batch", List.of("1", "16")), 0, 0, 1, 1, 1, 50, false),
                    new Pass("event-loop shapes", SHAPES, Map.of("impl", sinks), 0, 0, 1, 1, 1, 50, false));
            case QUICK -> List.of(
                    new Pass("cancel N=1,100", CANCEL, Map.of("impl", withLimit, "calls", List.of("1", "100")), FORKS_QUICK, 15, 1000, 15, 100, 0, false),
                    new Pass("cancel N=10000, and beside an idle and a busy neighbour", CANCEL_AND_NEIGHBOUR, Map.of("impl", withLimit, "calls", List.of("10000")), FORKS_QUICK, 5, 10, 15, 10, 0, false),
                    new Pass("cancel N=1000000", CANCEL, Map.of("impl", withLimit, "calls", List.of("1000000")), FORKS_QUICK, 2, 1, 6, 1, 0, false),
                    new Pass("begin + complete", BEGIN_COMPLETE, Map.of("impl", sinks), FORKS_QUICK, 2, 1, 3, 1, 1000, true),
                    new Pass("deliver", DELIVER_SINGLE, Map.of("impl", withLimit), FORKS_QUICK, 2, 1, 3, 1, 1000, false),
                    new Pass("deliver in batches of 16", DELIVER_BATCH, Map.of("impl", List.of(subject, Implementation.LIMIT.id()), "batch", List.of("16")), FORKS_QUICK, 2, 1, 3, 1, 1000, false),
                    new Pass("event-loop shapes", SHAPES, Map.of("impl", sinks), FORKS_QUICK, 2, 1, 3, 1, 1000, false));
            case FULL -> List.of(
                    new Pass("cancel N=1,100", CANCEL_ALL_WAYS, Map.of("impl", withLimit, "calls", List.of("1", "100")), FORKS_FULL, 15, 1000, 20, 100, 0, false),
                    new Pass("cancel N=10000", CANCEL_ALL_WAYS, Map.of("impl", withLimit, "calls", List.of("10000")), FORKS_FULL, 10, 10, 20, 10, 0, false),
                    new Pass("cancel N=1000000", CANCEL_ALL_WAYS, Map.of("impl", withLimit, "calls", List.of("1000000")), FORKS_FULL, 3, 1, 10, 1, 0, false),
                    new Pass("begin + complete", BEGIN_COMPLETE, Map.of("impl", sinks), FORKS_FULL, 5, 1, 10, 1, 1000, true),
                    new Pass("deliver, single and in batches", DELIVER, Map.of("impl", withLimit, "batch", List.of("1", "16", "256")), FORKS_FULL, 5, 1, 10, 1, 1000, false),
                    new Pass("event-loop shapes", SHAPES, Map.of("impl", sinks), FORKS_FULL, 5, 1, 10, 1, 1000, false));
        };
    }

    /** The subject and the peers: what begin + complete and the event-loop shapes measure. */
    static List<String> sinkImplementations(String subject) {
        List<String> sinks = new ArrayList<>();
        sinks.add(subject);
        sinks.addAll(Implementation.peers());
        return List.copyOf(sinks);
    }

    /** The subject, the peers and the limit: what the cancel and deliver benchmarks and the memory probe measure. */
    static List<String> cancelImplementations(String subject) {
        List<String> all = new ArrayList<>(sinkImplementations(subject));
        all.add(Implementation.LIMIT.id());
        return List.copyOf(all);
    }

    /** N for the memory probe. */
    static int memoryCalls(Profile profile) {
        return switch (profile) {
            case SMOKE -> 1_000;
            case QUICK -> 10_000;
            case FULL -> 100_000;
        };
    }
}
