package org.sinkcheck.kit.run;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.sinkcheck.kit.Capability;
import org.sinkcheck.kit.SinkAdapter;

/**
 * Measures what one conformance run costs and where the time goes (docs/measurements/kit-budget-2026-12-02.md):
 * on the reference sink at a named budget, several runs in one JVM after a first one that explores the state
 * graph, each with its parts ({@link ConformanceReport.Timings}); then the shrinks, on two broken fixtures of the
 * kit's own tests (a cancel that does nothing: SC-01 and SC-10 from the replay; contexts kept: SC-13 by
 * reachability, a collection per shrink attempt). Prints min/median/max; asserts nothing: a measurement, not a
 * test. Run: {@code java -Xmx1g -cp <kit test class path> org.sinkcheck.kit.run.KitBudgetMeasurement ci 5}.
 */
public final class KitBudgetMeasurement {
    private KitBudgetMeasurement() {}

    public static void main(String[] args) {
        Options options = Options.Budget.valueOf(args[0]).options();
        int runs = Integer.parseInt(args[1]);
        SinkAdapter<?, ?> reference = ReferenceDeclaring.capabilities(EnumSet.allOf(Capability.class));
        long first = System.nanoTime();
        ConformanceReport warm = Conformance.run(reference, options);
        System.out.printf("first run (explores the state graph once per JVM): %d ms; %s%n", (System.nanoTime() - first) / 1_000_000,
                warm.timings().line());
        List<ConformanceReport> reports = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            ConformanceReport r = Conformance.run(reference, options);
            if (!r.requiredRulesHold()) throw new IllegalStateException("the reference sink failed:\n" + r.table());
            reports.add(r);
            System.out.printf("run %d: total %d ms; %s%n", i + 1, r.counts().millis(), r.timings().line());
        }
        ConformanceReport.Counts c = reports.get(0).counts();
        System.out.printf("%s budget: %d paths, %d replay steps, %d walks, %d walk actions%n", args[0], c.paths(), c.replaySteps(),
                c.walks(), c.walkActions());
        summary("total", reports, r -> r.counts().millis());
        summary("replay", reports, r -> r.timings().replayMillis());
        summary("walks", reports, r -> r.timings().walkMillis());
        for (String phase : reports.get(0).timings().walkPhases().keySet()) {
            summary("  walk phase " + phase + " (" + reports.get(0).timings().walkPhases().get(phase).actions() + " actions)", reports,
                    r -> r.timings().walkPhases().get(phase).millis());
        }
        summary("reachability (" + reports.get(0).timings().reachabilityChecks() + " checks)", reports, r -> r.timings().reachabilityMillis());
        summary("shrinks (reference: nothing to shrink)", reports, r -> r.timings().shrinkMillis());
        shrinks("cancel does nothing (SC-01, SC-10)", new ConformanceTest.CancelDoesNothing(), options, runs);
        shrinks("contexts kept (SC-13 by reachability)", new ReachabilityTest.Keeping(true, EnumSet.allOf(Capability.class)), options, runs);
    }

    private static void shrinks(String what, SinkAdapter<?, ?> adapter, Options options, int runs) {
        List<ConformanceReport> reports = new ArrayList<>();
        for (int i = 0; i < runs; i++) reports.add(Conformance.run(adapter, options));
        summary("broken fixture, " + what + ": total", reports, r -> r.counts().millis());
        summary("broken fixture, " + what + ": shrinks", reports, r -> r.timings().shrinkMillis());
        summary("broken fixture, " + what + ": reachability (" + reports.get(0).timings().reachabilityChecks() + " checks)",
                reports, r -> r.timings().reachabilityMillis());
    }

    private static void summary(String what, List<ConformanceReport> reports, Function<ConformanceReport, Long> millis) {
        List<Long> values = reports.stream().map(millis).sorted().toList();
        System.out.printf(Locale.ROOT, "%-70s min %6d  median %6d  max %6d ms%n", what, values.get(0), values.get(values.size() / 2),
                values.get(values.size() - 1));
    }
}
