package org.sinkcheck.kit.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.sinkcheck.kit.Capability;
import org.sinkcheck.kit.SinkApiAdapter;
import org.sinkcheck.reference.ReferenceSink;
import org.sinkcheck.sink.SinkListener;

/**
 * A long run says where it is — stage, paths done of all, walks done of all, elapsed — at most every
 * {@link RunProgress#EVERY} and only once a stage ran that long; a quick one says nothing. The clock is the
 * test's own, so nothing sleeps.
 */
class RunProgressTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aStageSaysWhereItIsAtMostEveryTenSecondsAndOnlyOnceItRanThatLong() {
        long[] now = {0};
        List<String> lines = new ArrayList<>();
        RunProgress.Tracker tracker = new RunProgress(lines::add, () -> now[0], RunProgress.EVERY).track(100, 8);
        for (int p = 0; p < 100; p++) {
            now[0] += SECOND / 2;   // 50 s of replay
            tracker.paths(p);
        }
        assertEquals(List.of(
                "conformance: exhaustive replay, 19 of 100 paths, 0 of 8 walks, 10 s",
                "conformance: exhaustive replay, 39 of 100 paths, 0 of 8 walks, 20 s",
                "conformance: exhaustive replay, 59 of 100 paths, 0 of 8 walks, 30 s",
                "conformance: exhaustive replay, 79 of 100 paths, 0 of 8 walks, 40 s",
                "conformance: exhaustive replay, 99 of 100 paths, 0 of 8 walks, 50 s"), lines);
        lines.clear();
        tracker.walksBegin();
        for (int w = 0; w < 8; w++) {
            now[0] += SECOND;   // the walks take 8 s: quiet
            tracker.walks(w);
        }
        assertEquals(List.of(), lines, "a stage shorter than the interval says nothing");
        now[0] += 3 * SECOND;
        tracker.walks(8);
        assertEquals(List.of("conformance: random walks, 100 of 100 paths, 8 of 8 walks, 61 s"), lines);
    }

    @Test
    void theKitTellsItsProgressOnTheClockItIsGiven() {
        long[] now = {0};
        List<String> lines = new ArrayList<>();
        SinkApiAdapter<ReferenceSink<Object>> reference = new SinkApiAdapter<>() {
            @Override
            protected ReferenceSink<Object> create(SinkListener<Object> listener, BiConsumer<Object, Throwable> errors) {
                return new ReferenceSink<>(listener, errors);
            }

            @Override
            public Set<Capability> capabilities() { return Set.of(Capability.values()); }
        };
        // every reading of the clock is a millisecond later: the replay of 19,193 paths takes 19 s on it
        ConformanceReport report = Conformance.run(reference, Options.ci().withWalks(2, 50), Waivers.none(),
                new RunProgress(lines::add, () -> now[0] += 1_000_000L, Duration.ofSeconds(10)));
        assertTrue(report.requiredRulesHold(), report::table);
        assertTrue(lines.size() >= 1, lines::toString);
        for (String line : lines) {
            assertTrue(line.matches("conformance: exhaustive replay, \\d+ of " + report.counts().paths() + " paths, 0 of 2 walks, \\d+ s"), line);
        }
    }
}
