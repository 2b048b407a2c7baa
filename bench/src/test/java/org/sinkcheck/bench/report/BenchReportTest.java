package org.sinkcheck.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The table, the ratios and the verdicts, on the JSON of a real run. */
class BenchReportTest {
    private static final List<String> ALL = List.of("reference", "rxjava", "reactor", "coroutines", "synchronized-set", "concurrent-set", "limit");

    @Test
    void the_median_is_jmhs_50th_percentile_not_its_mean() throws IOException {
        BenchReport report = Fixture.report("reference");
        assertEquals(FixtureValues.REFERENCE_CANCEL_1M_MEDIAN, report.median(BenchReport.CANCEL, "reference", 1_000_000).orElseThrow());
        assertEquals(FixtureValues.LIMIT_CANCEL_1M_MEDIAN, report.median(BenchReport.CANCEL, "limit", 1_000_000).orElseThrow());
    }

    @Test
    void every_implementation_is_in_the_report_subject_first_limit_last() throws IOException {
        assertEquals(ALL, Fixture.report("reference").implementations());
        assertEquals(List.of("rxjava", "reference", "reactor", "coroutines", "synchronized-set", "concurrent-set", "limit"),
                Fixture.report("rxjava").implementations());
    }

    @Test
    void the_limit_ratio_divides_two_medians_of_the_same_run() throws IOException {
        BenchReport report = Fixture.report("reference");
        Target limit = report.targets().get(0);
        assertEquals(FixtureValues.REFERENCE_CANCEL_1M_MEDIAN / FixtureValues.LIMIT_CANCEL_1M_MEDIAN, limit.ratio(), 1e-12);
        assertEquals(limit.ratio() <= 1.5 ? Target.Verdict.MET : Target.Verdict.MISSED, limit.verdict());
    }

    @Test
    void the_best_peer_is_the_fastest_peer_never_the_subject_or_the_limit() throws IOException {
        BenchReport report = Fixture.report("reference");
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
    void every_target_is_judged_against_its_bound() throws IOException {
        for (String subject : List.of("reference", "rxjava", "synchronized-set")) {
            List<Target> targets = Fixture.report(subject).targets();
            assertEquals(6, targets.size());
            for (Target t : targets) {
                assertFalse(Double.isNaN(t.ratio()), subject + ": " + t.goal() + " not measured in a quick run");
                double bound = Double.parseDouble(t.bound().substring(2));
                boolean holds = t.bound().startsWith("≤") ? t.ratio() <= bound : t.ratio() >= bound;
                assertEquals(holds ? Target.Verdict.MET : Target.Verdict.MISSED, t.verdict(), subject + ": " + t.goal());
            }
        }
    }

    @Test
    void the_neighbour_ratio_is_busy_over_idle_for_the_subject() throws IOException {
        BenchReport report = Fixture.report("reference");
        double busy = report.median(BenchReport.BESIDE_NEIGHBOUR, "reference", 10_000, BenchReport.BUSY_NEIGHBOUR).orElseThrow();
        double idle = report.median(BenchReport.BESIDE_NEIGHBOUR, "reference", 10_000, 0).orElseThrow();
        assertEquals(busy / idle, report.targets().get(4).ratio(), 1e-12);
    }

    @Test
    void a_missing_benchmark_is_not_measured_never_met() {
        BenchReport empty = new BenchReport(List.of(), "reference", java.util.Map.of(), 1, "");
        empty.targets().forEach(t -> assertEquals(Target.Verdict.NOT_MEASURED, t.verdict(), t.goal()));
    }

    @Test
    void the_markdown_has_every_table_every_implementation_and_every_verdict() throws IOException {
        BenchReport report = Fixture.report("reference");
        String md = report.markdown();
        for (String heading : List.of("## Targets (issue 6)", "## Cancel latency", "## Neighbour isolation", "## Common path", "## Memory (N = ")) {
            assertTrue(md.contains(heading), heading);
        }
        for (String impl : ALL) assertTrue(md.contains("| " + impl + " |"), impl);
        assertTrue(md.contains("| *reference / limit* |"));
        for (Target t : report.targets()) assertTrue(md.contains("| " + t.goal() + " | **" + t.verdict() + "** |"), t.goal());
        assertTrue(md.contains("N = 1 000 000"), "counts are grouped by thousands");
    }

    @Test
    void numbers_keep_three_significant_digits_without_exponents() {
        assertEquals("0.000123", BenchReport.fmt(0.00012345));
        assertEquals("1230000", BenchReport.fmt(1234567));
        assertEquals("–", BenchReport.fmt(Double.NaN));
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

        Path garbage = Files.writeString(dir.resolve("garbage.json"), "[{");
        assertThrows(IOException.class, () -> JmhJson.read(garbage));
    }

    @Test
    void merging_keeps_every_run_of_every_part(@TempDir Path dir) throws IOException {
        Path merged = dir.resolve("merged.json");
        JmhJson.merge(List.of(Fixture.jmhJson(), Fixture.jmhJson()), merged);
        assertEquals(2 * JmhJson.read(Fixture.jmhJson()).size(), JmhJson.read(merged).size());
    }
}
