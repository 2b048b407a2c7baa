package org.sinkcheck.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinkcheck.bench.report.Target.Verdict;

/** The tables, the spreads, the ratios and the verdicts, on the files of real runs. */
class BenchReportTest {
    private static final List<String> ALL = List.of("reference", "rxjava", "reactor", "coroutines", "synchronized-set", "concurrent-set", "limit");

    private static Target target(BenchReport report, String goalStart) {
        return report.targets().stream().filter(t -> t.goal().startsWith(goalStart)).findFirst().orElseThrow(() -> new AssertionError(goalStart));
    }

    @Test
    void a_fork_s_figure_is_the_median_of_its_iterations_and_the_spread_runs_over_the_forks() throws IOException {
        Spread quick = Fixture.QUICK.report("reference").figure(BenchReport.CANCEL, "reference", 1_000_000).orElseThrow();
        Spread expected = FixtureValues.REFERENCE_CANCEL_1M;
        assertEquals(expected.min(), quick.min(), 1e-6);
        assertEquals(expected.median(), quick.median(), 1e-6);
        assertEquals(expected.max(), quick.max(), 1e-6);
        assertEquals(expected.forks(), quick.forks());
        // One fork: its figure is JMH's own 50th percentile of that fork (JMH's mean there is 6782.40).
        Spread oneFork = Fixture.ONE_FORK.report("reference").figure(BenchReport.CANCEL, "reference", 1_000_000).orElseThrow();
        assertEquals(new Spread(6926.989, 6926.989, 6926.989, 1), oneFork);
    }

    @Test
    void every_implementation_is_in_the_report_subject_first_limit_last() throws IOException {
        for (Fixture run : Fixture.values()) {
            assertEquals(ALL, run.report("reference").implementations(), run.name());
            assertEquals(List.of("rxjava", "reference", "reactor", "coroutines", "synchronized-set", "concurrent-set", "limit"),
                    run.report("rxjava").implementations(), run.name());
        }
    }

    @Test
    void the_limit_ratio_pairs_every_fork_of_the_subject_with_every_fork_of_the_limit() throws IOException {
        BenchReport report = Fixture.QUICK.report("reference");
        Spread reference = report.figure(BenchReport.CANCEL, "reference", 1_000_000).orElseThrow();
        Spread limit = report.figure(BenchReport.CANCEL, "limit", 1_000_000).orElseThrow();
        Spread ratio = target(report, "cancel within 1.3× the limit, N = 1 000 000").ratio();
        assertEquals(reference.min() / limit.max(), ratio.min(), 1e-12);
        assertEquals(reference.median() / limit.median(), ratio.median(), 1e-12);
        assertEquals(reference.max() / limit.min(), ratio.max(), 1e-12);
    }

    @Test
    void the_best_peer_is_the_fastest_peer_never_the_subject_or_the_limit() throws IOException {
        BenchReport report = Fixture.QUICK.report("reference");
        for (int n : report.callCounts(BenchReport.CANCEL)) {
            String best = report.bestPeer(BenchReport.CANCEL, n, false).orElseThrow();
            assertFalse(best.equals("reference") || best.equals("limit"), best);
            double bestMedian = report.median(BenchReport.CANCEL, best, n).orElseThrow();
            for (String peer : report.peers()) {
                assertTrue(bestMedian <= report.median(BenchReport.CANCEL, peer, n).orElseThrow(), peer + " beats " + best + " at N=" + n);
            }
        }
        String fastest = report.bestPeer(BenchReport.BEGIN_COMPLETE_1, 0, true).orElseThrow();
        for (String peer : report.peers()) {
            assertTrue(report.median(BenchReport.BEGIN_COMPLETE_1, fastest, 0).orElseThrow()
                    >= report.median(BenchReport.BEGIN_COMPLETE_1, peer, 0).orElseThrow(), peer);
        }
    }

    @Test
    void every_verdict_follows_from_where_the_whole_spread_lies() throws IOException {
        for (Fixture run : Fixture.values()) {
            for (String subject : List.of("reference", "rxjava", "synchronized-set")) {
                for (Target t : run.report(subject).targets()) {
                    String what = run + ", " + subject + ": " + t.goal();
                    Spread r = t.ratio();
                    Verdict expected;
                    if (r == null) expected = Verdict.NOT_MEASURED;
                    else if (r.forks() > 0 && r.forks() < Target.MIN_FORKS) expected = Verdict.UNDECIDED;
                    else if (t.atMost() ? r.max() <= t.bound() : r.min() >= t.bound()) expected = Verdict.MET;
                    else if (t.atMost() ? r.min() > t.bound() : r.max() < t.bound()) expected = Verdict.MISSED;
                    else expected = Verdict.UNDECIDED;
                    assertEquals(expected, t.verdict(), what);
                }
            }
        }
    }

    @Test
    void the_quick_run_judges_all_thirteen_targets_of_issue_12_on_three_forks() throws IOException {
        List<Target> targets = Fixture.QUICK.report("reference").targets();
        assertEquals(13, targets.size());
        for (Target t : targets) {
            assertTrue(t.ratio() != null, t.goal() + " not measured");
            assertTrue(t.ratio().forks() == 0 || t.ratio().forks() >= Target.MIN_FORKS, t.goal() + ": " + t.ratio());
        }
    }

    @Test
    void the_one_fork_run_decides_nothing_it_cannot_and_lacks_what_it_never_measured() throws IOException {
        BenchReport report = Fixture.ONE_FORK.report("reference");
        assertEquals(Verdict.UNDECIDED, target(report, "cancel within 1.3× the limit, N = 1 000 000").verdict());
        assertEquals(Verdict.NOT_MEASURED, target(report, "deliver ≥").verdict(), "that run had no deliver limit");
        assertEquals(Verdict.NOT_MEASURED, target(report, "batch delivery").verdict(), "nor batches");
        assertEquals(Verdict.MET, target(report, "memory per pending call").verdict(), "JOL's bytes are exact");
        assertTrue(report.markdown().contains("## Targets (issue 12)"));
        assertFalse(report.markdown().contains("## Event-loop shapes"), "no shapes in that run, no empty table");
    }

    @Test
    void the_isolation_ratio_is_busy_over_idle_for_the_subject() throws IOException {
        BenchReport report = Fixture.QUICK.report("reference");
        Spread busy = report.figure(BenchReport.BESIDE_NEIGHBOUR, "reference", 10_000, BenchReport.BUSY_NEIGHBOUR, 0).orElseThrow();
        Spread idle = report.figure(BenchReport.BESIDE_NEIGHBOUR, "reference", 10_000, 0, 0).orElseThrow();
        assertEquals(busy.over(idle), target(report, "neighbour isolation").ratio());
    }

    @Test
    void deliver_is_judged_against_the_deliver_limit_and_a_batch_against_the_best_peer_s_single_delivery() throws IOException {
        BenchReport report = Fixture.QUICK.report("reference");
        Function<String, Spread> deliver = impl -> report.figure(BenchReport.DELIVER, impl, 0).orElseThrow();
        assertEquals(deliver.apply("reference").over(deliver.apply("limit")), target(report, "deliver ≥").ratio());

        Spread batch = report.figure(BenchReport.DELIVER_BATCH, "reference", 0, 0, 16).orElseThrow();
        Spread bestSingle = Spread.best(report.peers().stream().map(deliver).toList(), true);
        Target batchTarget = target(report, "batch delivery, k = 16");
        assertEquals(batch.times(16).over(bestSingle), batchTarget.ratio());
        assertTrue(batchTarget.reason().contains("reference has no batch method: its batch is 16 single deliveries"), batchTarget.reason());
        assertFalse(target(Fixture.QUICK.report("limit"), "batch delivery").reason().contains("no batch method"),
                "the limit batches in one step");
    }

    @Test
    void the_event_loop_shapes_report_completions_and_what_each_fork_left_retained() throws IOException {
        BenchReport report = Fixture.QUICK.report("reference");
        for (String shape : List.of(BenchReport.EVENT_LOOP, BenchReport.REVERSE)) {
            for (String impl : report.peers()) {
                assertTrue(report.shapeThroughput(shape, impl).isPresent(), shape + " " + impl);
                Spread retained = report.retainedAfter(shape, impl).orElseThrow();
                assertEquals(3, retained.forks(), "one footprint per fork: " + shape + " " + impl);
                assertTrue(retained.min() > 0);
            }
            assertTrue(report.shapeThroughput(shape, "limit").isEmpty(), "the limit is no sink");
        }
    }

    @Test
    void a_slower_subject_turns_its_verdicts_the_other_way() throws IOException {
        List<Score> real = JmhJson.read(Fixture.QUICK.jmhJson());
        Function<Double, BenchReport> scaled = factor -> new BenchReport(real.stream().map(s -> s.impl().equals("reference") && s.benchmark().equals(BenchReport.CANCEL)
                ? new Score(s.benchmark(), s.impl(), s.calls(), s.neighbourCalls(), s.batch(), s.spread().times(factor), s.unit(), s.bytesPerOp(), s.methods())
                : s).toList(), "reference", false, Map.of(), 1, List.of(), "");
        for (int n : List.of(1, 100, 10_000, 1_000_000)) {
            String goal = "cancel within 1.3× the limit, N = " + BenchReport.count(n);
            assertEquals(Verdict.MISSED, target(scaled.apply(100.0), goal).verdict(), goal);
            assertEquals(Verdict.MET, target(scaled.apply(0.01), goal).verdict(), goal);
        }
    }

    @Test
    void the_markdown_has_every_table_every_implementation_and_every_verdict() throws IOException {
        BenchReport report = Fixture.QUICK.report("reference");
        String md = report.markdown();
        for (String heading : List.of("## Targets (issue 12)", "## Cancel latency", "## Neighbour isolation", "## Begin + complete",
                "## Delivery on one live call", "## Event-loop shapes", "## Memory (N = ")) {
            assertTrue(md.contains(heading), heading);
        }
        for (String impl : ALL) assertTrue(md.contains("| " + impl + " |"), impl);
        assertTrue(md.contains("| *reference / limit* |"));
        for (Target t : report.targets()) {
            assertTrue(md.contains("| " + t.goal() + " | **" + t.verdict() + "** | " + BenchReport.cell(java.util.Optional.of(t.ratio())) + " |"), t.goal());
        }
        assertTrue(md.contains("N = 1 000 000"), "counts are grouped by thousands");
    }

    @Test
    void a_missing_benchmark_is_not_measured_never_met() {
        BenchReport empty = new BenchReport(List.of(), "reference", false, Map.of(), 1, List.of(), "");
        empty.targets().forEach(t -> assertEquals(Verdict.NOT_MEASURED, t.verdict(), t.goal()));
    }

    @Test
    void numbers_keep_three_significant_digits_without_exponents() {
        assertEquals("0.000123", BenchReport.fmt(0.00012345));
        assertEquals("1230000", BenchReport.fmt(1234567));
        assertEquals("–", BenchReport.fmt(Double.NaN));
        assertEquals("2 (1–3)", BenchReport.cell(java.util.Optional.of(new Spread(1, 2, 3, 3))));
        assertEquals("5", BenchReport.cell(java.util.Optional.of(Spread.exact(5))));
    }

    @Test
    void not_jmh_json_is_refused_with_the_file_named(@TempDir Path dir) throws IOException {
        Path object = Files.writeString(dir.resolve("object.json"), "{\"benchmark\": \"x\"}");
        IOException e = assertThrows(IOException.class, () -> JmhJson.read(object));
        assertTrue(e.getMessage().startsWith(object + " is not JMH JSON"), e.getMessage());

        Path noImpl = Files.writeString(dir.resolve("noimpl.json"),
                "[{\"benchmark\": \"org.x.B.cancel\", \"params\": {}, \"primaryMetric\": {}}]");
        e = assertThrows(IOException.class, () -> JmhJson.read(noImpl));
        assertTrue(e.getMessage().contains("no 'impl' parameter"), e.getMessage());

        Path noRawData = Files.writeString(dir.resolve("noraw.json"),
                "[{\"benchmark\": \"org.x.B.cancel\", \"params\": {\"impl\": \"a\"}, \"primaryMetric\": {\"scoreUnit\": \"us/op\"}}]");
        e = assertThrows(IOException.class, () -> JmhJson.read(noRawData));
        assertTrue(e.getMessage().contains("no rawData"), e.getMessage());

        Path garbage = Files.writeString(dir.resolve("garbage.json"), "[{");
        assertThrows(IOException.class, () -> JmhJson.read(garbage));
    }

    @Test
    void a_footprint_file_that_is_not_one_is_refused_with_the_line_named(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("footprints.jsonl"), "{\"shape\":\"eventLoop\",\"impl\":\"a\",\"retainedBytes\":1}\n[1]\n");
        IOException e = assertThrows(IOException.class, () -> Footprint.readAll(file));
        assertTrue(e.getMessage().contains(file + ", line 2: not a footprint"), e.getMessage());
        assertTrue(Footprint.readAll(dir.resolve("absent.jsonl")).isEmpty(), "a run without shapes has no file");
    }

    @Test
    void merging_keeps_every_run_of_every_part(@TempDir Path dir) throws IOException {
        Path merged = dir.resolve("merged.json");
        JmhJson.merge(List.of(Fixture.QUICK.jmhJson(), Fixture.ONE_FORK.jmhJson()), merged);
        assertEquals(JmhJson.read(Fixture.QUICK.jmhJson()).size() + JmhJson.read(Fixture.ONE_FORK.jmhJson()).size(), JmhJson.read(merged).size());
    }
}
