package org.sinkcheck.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sinkcheck.bench.report.BenchReport;
import org.sinkcheck.bench.report.JmhJson;
import org.sinkcheck.bench.report.Score;
import org.sinkcheck.bench.report.Spread;

/**
 * The tables of docs/measurements/recording-cost-*.md from one JMH run of {@link RecordingCostBenchmark}
 * ({@code -rf json}): each variant's lives per µs, min / median / max over its forks, and each
 * recording's slowdown against {@code plain} with the same threads, paired fork by fork as
 * {@link Spread#over} pairs them (the plain figure over the variant's: 2.0 is half the lives per µs).
 *
 * <pre>{@code java -cp bench/target/benchmarks.jar org.sinkcheck.bench.RecordingCostReport jmh-result.json}</pre>
 */
public final class RecordingCostReport {
    private static final List<String> VARIANTS = List.of("plain", "traced", "stepsIdle", "steps");

    private RecordingCostReport() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: RecordingCostReport <JMH JSON of RecordingCostBenchmark>");
            System.exit(2);
        }
        print(JmhJson.read(Path.of(args[0])), System.out);
    }

    /** Writes the two Markdown tables for {@code scores}. */
    static void print(List<Score> scores, PrintStream out) {
        Map<String, Spread> figures = new LinkedHashMap<>();
        for (Score s : scores) figures.put(s.benchmark(), s.spread());
        out.println("| variant | threads | forks | lives/µs, median (min–max) | lives per 100 ms iteration (median) |");
        out.println("|---|---|---|---:|---:|");
        for (String variant : VARIANTS) {
            for (int threads = 1; threads <= 2; threads++) {
                Spread f = figures.get(variant + threads);
                if (f == null) continue;
                out.printf("| %s | %d | %d | %s | %,d |%n", variant, threads, f.forks(), BenchReport.cell(Optional.of(f)),
                        Math.round(f.median() * 100_000));
            }
        }
        out.println();
        out.println("| slowdown against plain | threads | plain / variant, median (min–max) |");
        out.println("|---|---|---:|");
        for (String variant : VARIANTS.subList(1, VARIANTS.size())) {
            for (int threads = 1; threads <= 2; threads++) {
                Spread plain = figures.get("plain" + threads);
                Spread f = figures.get(variant + threads);
                if (plain == null || f == null) continue;
                out.printf("| %s | %d | %s |%n", variant, threads, BenchReport.cell(Optional.of(plain.over(f))));
            }
        }
    }
}
