package org.sinkcheck.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sinkcheck.bench.report.Footprint;
import org.sinkcheck.bench.report.JmhJson;
import org.sinkcheck.bench.report.Score;
import org.sinkcheck.bench.report.Target;

/**
 * CI's look at the benchmarks: every benchmark of every implementation executes once (in this JVM, no
 * warm-up) and the run writes its JSON, table and plot. Never a speed threshold: the smoke numbers
 * mean nothing.
 */
class BenchSmokeTest {

    @Test
    @Timeout(value = 80)
    void every_benchmark_runs_for_every_implementation_and_the_results_folder_is_complete(@TempDir Path out) throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        BenchRunner.Outcome outcome = BenchRunner.run(Profile.SMOKE, out, null,
                new PrintStream(console, true, StandardCharsets.UTF_8));

        List<Score> scores = JmhJson.read(new ResultsFolder(out).jmhResults());
        Set<String> measured = new HashSet<>();
        scores.forEach(s -> measured.add(s.benchmark() + "/" + s.impl() + "/" + s.calls() + "/" + s.batch()));
        for (Implementation impl : Implementation.values()) {
            for (String benchmark : List.of("cancel", "cancelBesideNeighbour", "cancelUntilQuiet")) {
                for (int calls : List.of(1, 100)) {
                    assertTrue(measured.contains(benchmark + "/" + impl.id() + "/" + calls + "/0"), benchmark + " " + impl.id() + " N=" + calls);
                }
            }
            assertTrue(measured.contains("deliver/" + impl.id() + "/0/0"), "deliver " + impl.id());
            for (int k : List.of(1, 16)) assertTrue(measured.contains("deliverBatch/" + impl.id() + "/0/" + k), "batch of " + k + " " + impl.id());
            if (impl == Implementation.LIMIT) continue;
            for (String benchmark : List.of("beginComplete1", "beginComplete2", "eventLoop", "reverse")) {
                assertTrue(measured.contains(benchmark + "/" + impl.id() + "/0/0"), benchmark + " " + impl.id());
            }
        }
        // 7 implementations × N = 1, 100 × (cancel, until quiet, beside an idle and a busy neighbour),
        // 7 × (deliver, batches of 1 and 16), and 6 sinks × (begin + complete on 1 and 2 threads, 2 shapes)
        assertEquals(7 * 2 * 4 + 7 * 3 + 6 * 4, scores.size(), "no benchmark ran that was not asked for");
        scores.forEach(s -> assertTrue(s.median() > 0, s.toString()));
        scores.stream().filter(s -> s.benchmark().equals("eventLoop") || s.benchmark().equals("reverse"))
                .forEach(s -> assertEquals(Set.of("loopCompletes", "poolBegins", "loopBegins", "poolCompletes").stream()
                        .filter(s.methods()::containsKey).count(), 2, "each shape's two methods: " + s));

        List<Footprint> footprints = Footprint.readAll(new ResultsFolder(out).footprints());
        assertEquals(6 * 2, footprints.size(), "one footprint per shape and sink: " + footprints);
        footprints.forEach(f -> assertTrue(f.retainedBytes() > 0, f.toString()));

        String table = Files.readString(new ResultsFolder(out).table());
        assertTrue(table.contains("## Targets (issue 12)"), table);
        assertTrue(table.contains("## Event-loop shapes"), table);
        assertTrue(Files.size(new ResultsFolder(out).plot()) > 0);
        assertTrue(Files.readString(new ResultsFolder(out).memory()).contains("\"reference\""));
        assertEquals(13, outcome.report().targets().size());
        // One in-process fork per figure: no verdict is taken on it.
        outcome.report().targets().stream().filter(t -> t.ratio() != null && t.ratio().forks() > 0)
                .forEach(t -> assertEquals(Target.Verdict.UNDECIDED, t.verdict(), t.goal()));
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("bench: wrote " + out.toAbsolutePath()));
        assertFalse(Files.exists(out.resolve("jmh-pass-1.json")), "the per-pass files are merged and removed");
        assertNull(System.getProperty(Footprint.FILE_PROPERTY), "the run leaves no system property behind");
    }

    @Test
    void a_wrong_adapter_class_fails_before_anything_runs(@TempDir Path out) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BenchRunner.run(Profile.SMOKE, out.resolve("never"), "com.example.Missing", System.out));
        assertTrue(e.getMessage().contains("com.example.Missing"), e.getMessage());
        assertFalse(Files.exists(out.resolve("never")));
    }

    @Test
    void the_quick_profile_measures_every_figure_a_target_needs_in_at_least_three_forks() {
        Set<String> cancelCalls = new HashSet<>();
        Set<String> included = new HashSet<>();
        for (Pass pass : BenchPlan.passes(Profile.QUICK, "reference")) {
            assertTrue(pass.forks() >= Target.MIN_FORKS, pass.name() + " forks");
            included.add(pass.include());
            List<String> impls = pass.params().get("impl");
            if (pass.include().contains("deliverBatch")) {
                assertTrue(impls.containsAll(List.of("reference", "limit")), pass.name() + ": a peer's batch is its single deliveries");
            } else if (pass.include().startsWith("Cancel") || pass.include().startsWith("Deliver")) {
                assertTrue(impls.containsAll(List.of("reference", "rxjava", "reactor", "coroutines",
                        "synchronized-set", "concurrent-set", "limit")), pass.name());
            } else {
                assertFalse(impls.contains("limit"), pass.name() + ": the limit is not a sink");
            }
            if (pass.include().startsWith("Cancel")) cancelCalls.addAll(pass.params().get("calls"));
            if (pass.include().contains("deliverBatch")) assertTrue(pass.params().get("batch").contains("16"), "the batch target's k");
        }
        assertEquals(Set.of("1", "100", "10000", "1000000"), cancelCalls);
        assertTrue(included.stream().anyMatch(i -> i.contains("BesideNeighbour")), "the neighbour case");
        for (String benchmark : List.of("CommonPathBenchmark", "DeliverBenchmark\\.deliver$", "DeliverBenchmark\\.deliverBatch$", "EventLoopBenchmark")) {
            assertTrue(included.stream().anyMatch(i -> i.startsWith(benchmark)), benchmark);
        }
    }
}
