package org.sinkcheck.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What each {@link Profile} measures, as JMH passes. Every profile measures every implementation in the
 * same run, so the report's ratios compare medians taken side by side.
 *
 * <p>Batch sizes: a cancel of one or a hundred calls takes nanoseconds, below what one timer read can
 * resolve, so those invocations are timed in batches of 100 (JMH still builds a fresh sink for each,
 * untimed) and warmed with 15,000 (after 5,000, quick runs showed a step of up to 8× a dozen measured
 * iterations in: C2 still compiling the sweep). A cancel of a million calls is timed alone. A cancel of
 * ten thousand is timed in batches of 10, in two forks, because the neighbour-isolation ratio divides
 * two of its medians: one-fork, one-cancel samples of 60 µs moved that ratio by ±20% between identical
 * runs. That ratio's two cases are one benchmark method with an idle and a busy neighbour, measured
 * back to back: as two methods (cancel, then the busy case a minute later) it moved between 0.66 and
 * 1.58 across five runs while each case stayed steady within its own forks.
 *
 * <p>The quick profile leaves out {@code cancelUntilQuiet}: the reference sink runs every final before
 * {@code cancel()} returns (but for a call whose callback is in flight, which a single-threaded
 * benchmark never has), so there it would measure the cancel again. The full profile measures it.
 */
final class BenchPlan {
    private static final String CANCEL = "CancelBenchmark\\.cancel$";
    private static final String CANCEL_AND_NEIGHBOUR = "CancelBenchmark\\.cancel(BesideNeighbour)?$";
    private static final String CANCEL_ALL_WAYS = "CancelBenchmark\\.cancel(BesideNeighbour|UntilQuiet)?$";
    private static final String COMMON_PATH = "CommonPathBenchmark\\.";

    private BenchPlan() {}

    /** The passes of {@code profile} for {@code subject} (the reference sink's id or an adapter class). */
    static List<Pass> passes(Profile profile, String subject) {
        List<String> sinks = sinkImplementations(subject);
        List<String> withLimit = cancelImplementations(subject);

        return switch (profile) {
            case SMOKE -> List.of(
                    new Pass("cancel", CANCEL_ALL_WAYS, Map.of("impl", withLimit, "calls", List.of("1", "100"), "neighbourCalls", List.of("0", "1000")), 0, 0, 1, 1, 1, 0, false),
                    new Pass("common-path", COMMON_PATH, Map.of("impl", sinks), 0, 0, 1, 1, 1, 50, true));
            case QUICK -> List.of(
                    new Pass("cancel N=1,100", CANCEL, Map.of("impl", withLimit, "calls", List.of("1", "100")), 1, 15, 1000, 15, 100, 0, false),
                    new Pass("cancel N=10000, and beside an idle and a busy neighbour", CANCEL_AND_NEIGHBOUR, Map.of("impl", withLimit, "calls", List.of("10000")), 2, 5, 10, 15, 10, 0, false),
                    new Pass("cancel N=1000000", CANCEL, Map.of("impl", withLimit, "calls", List.of("1000000")), 1, 2, 1, 8, 1, 0, false),
                    new Pass("common path", COMMON_PATH, Map.of("impl", sinks), 1, 3, 1, 5, 1, 1000, true));
            case FULL -> List.of(
                    new Pass("cancel N=1,100", CANCEL_ALL_WAYS, Map.of("impl", withLimit, "calls", List.of("1", "100")), 3, 15, 1000, 20, 100, 0, false),
                    new Pass("cancel N=10000", CANCEL_ALL_WAYS, Map.of("impl", withLimit, "calls", List.of("10000")), 3, 10, 10, 20, 1, 0, false),
                    new Pass("cancel N=1000000", CANCEL_ALL_WAYS, Map.of("impl", withLimit, "calls", List.of("1000000")), 3, 3, 1, 10, 1, 0, false),
                    new Pass("common path", COMMON_PATH, Map.of("impl", sinks), 3, 5, 1, 10, 1, 1000, true));
        };
    }

    /** The subject and the peers: what the common path measures. */
    static List<String> sinkImplementations(String subject) {
        List<String> sinks = new ArrayList<>();
        sinks.add(subject);
        sinks.addAll(Implementation.peers());
        return List.copyOf(sinks);
    }

    /** The subject, the peers and the limit: what the cancel benchmarks and the memory probe measure. */
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
