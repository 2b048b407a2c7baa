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
 * untimed) and warmed with thousands; a cancel of ten thousand or a million calls is timed alone.
 */
final class BenchPlan {
    // The quick profile leaves out cancelUntilQuiet: the reference sink runs every final before cancel()
    // returns (but for a call whose callback is in flight, which a single-threaded benchmark never has),
    // so there it measures cancel again. The full profile measures it for every N.
    private static final String CANCEL = "CancelBenchmark\\.cancel$";
    private static final String CANCEL_AND_NEIGHBOUR = "CancelBenchmark\\.cancel(BesideBusyNeighbour)?$";
    private static final String CANCEL_ALL_WAYS = "CancelBenchmark\\.cancel(BesideBusyNeighbour|UntilQuiet)?$";
    private static final String COMMON_PATH = "CommonPathBenchmark\\.";

    private BenchPlan() {}

    /** The passes of {@code profile} for {@code subject} (the reference sink's id or an adapter class). */
    static List<Pass> passes(Profile profile, String subject) {
        List<String> all = new ArrayList<>();
        all.add(subject);
        all.addAll(Implementation.peers());
        List<String> sinks = List.copyOf(all);
        all.add(Implementation.LIMIT.id());
        List<String> withLimit = List.copyOf(all);

        return switch (profile) {
            case SMOKE -> List.of(
                    new Pass("cancel", CANCEL_ALL_WAYS, Map.of("impl", withLimit, "calls", List.of("1", "100"), "neighbourCalls", List.of("1000")), 0, 0, 1, 1, 1, 0),
                    new Pass("common-path", COMMON_PATH, Map.of("impl", sinks), 0, 0, 1, 1, 1, 50));
            case QUICK -> List.of(
                    new Pass("cancel N=1,100", CANCEL, Map.of("impl", withLimit, "calls", List.of("1", "100")), 1, 5, 1000, 15, 100, 0),
                    new Pass("cancel N=10000, and beside a busy neighbour", CANCEL_AND_NEIGHBOUR, Map.of("impl", withLimit, "calls", List.of("10000")), 1, 5, 10, 15, 1, 0),
                    new Pass("cancel N=1000000", CANCEL, Map.of("impl", withLimit, "calls", List.of("1000000")), 1, 2, 1, 8, 1, 0),
                    new Pass("common path", COMMON_PATH, Map.of("impl", sinks), 1, 3, 1, 5, 1, 1000));
            case FULL -> List.of(
                    new Pass("cancel N=1,100", CANCEL_ALL_WAYS, Map.of("impl", withLimit, "calls", List.of("1", "100")), 3, 10, 1000, 20, 100, 0),
                    new Pass("cancel N=10000", CANCEL_ALL_WAYS, Map.of("impl", withLimit, "calls", List.of("10000")), 3, 10, 10, 20, 1, 0),
                    new Pass("cancel N=1000000", CANCEL_ALL_WAYS, Map.of("impl", withLimit, "calls", List.of("1000000")), 3, 3, 1, 10, 1, 0),
                    new Pass("common path", COMMON_PATH, Map.of("impl", sinks), 3, 5, 1, 10, 1, 1000));
        };
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
