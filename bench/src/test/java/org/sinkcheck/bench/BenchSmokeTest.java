package org.sinkcheck.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.sinkcheck.bench.report.JmhJson;
import org.sinkcheck.bench.report.Score;

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

        List<Score> scores = JmhJson.read(out.resolve(BenchRunner.JSON));
        Set<String> measured = new HashSet<>();
        scores.forEach(s -> measured.add(s.benchmark() + "/" + s.impl() + "/" + s.calls()));
        for (Implementation impl : Implementation.values()) {
            for (String benchmark : List.of("cancel", "cancelBesideNeighbour", "cancelUntilQuiet")) {
                for (int calls : List.of(1, 100)) {
                    assertTrue(measured.contains(benchmark + "/" + impl.id() + "/" + calls), benchmark + " " + impl.id() + " N=" + calls);
                }
            }
            if (impl == Implementation.LIMIT) continue;
            for (String benchmark : List.of("beginComplete1", "beginComplete2", "deliver")) {
                assertTrue(measured.contains(benchmark + "/" + impl.id() + "/0"), benchmark + " " + impl.id());
            }
        }
        // 7 implementations × N = 1, 100 × (cancel, until quiet, beside an idle and a busy neighbour), and
        // 6 sinks × 3 common-path benchmarks
        assertEquals(7 * 2 * 4 + 6 * 3, scores.size(), "no benchmark ran that was not asked for");
        scores.forEach(s -> assertTrue(s.median() > 0, s.toString()));

        String table = Files.readString(out.resolve(BenchRunner.TABLE));
        assertTrue(table.contains("## Targets (issue 6)"), table);
        assertTrue(Files.size(out.resolve(BenchRunner.PLOT)) > 0);
        assertTrue(Files.readString(out.resolve(BenchRunner.MEMORY)).contains("\"reference\""));
        assertEquals(6, outcome.report().targets().size());
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("bench: wrote " + out.toAbsolutePath()));
        assertFalse(Files.exists(out.resolve("jmh-pass-1.json")), "the per-pass files are merged and removed");
    }

    @Test
    void a_wrong_adapter_class_fails_before_anything_runs(@TempDir Path out) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BenchRunner.run(Profile.SMOKE, out.resolve("never"), "com.example.Missing", System.out));
        assertTrue(e.getMessage().contains("com.example.Missing"), e.getMessage());
        assertFalse(Files.exists(out.resolve("never")));
    }

    @Test
    void the_quick_profile_measures_every_N_of_issue_6_and_the_neighbour_case() {
        Set<String> cancelCalls = new HashSet<>();
        boolean neighbour = false;
        boolean commonPath = false;
        for (Pass pass : BenchPlan.passes(Profile.QUICK, "reference")) {
            assertTrue(pass.forks() >= 1, pass.name() + " forks");
            if (pass.include().startsWith("Cancel")) {
                cancelCalls.addAll(pass.params().get("calls"));
                assertTrue(pass.params().get("impl").containsAll(List.of("reference", "rxjava", "reactor", "coroutines",
                        "synchronized-set", "concurrent-set", "limit")), pass.name());
                neighbour |= pass.include().contains("BesideNeighbour");
            } else {
                commonPath = true;
                assertFalse(pass.params().get("impl").contains("limit"), "the limit is not a sink");
            }
        }
        assertEquals(Set.of("1", "100", "10000", "1000000"), cancelCalls);
        assertTrue(neighbour && commonPath);
    }
}
