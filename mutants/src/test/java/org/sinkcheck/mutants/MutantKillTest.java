package org.sinkcheck.mutants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.sinkcheck.kit.Adapters;
import org.sinkcheck.kit.SinkAdapter;
import org.sinkcheck.kit.run.Conformance;
import org.sinkcheck.kit.run.ConformanceReport;
import org.sinkcheck.kit.run.Options;
import org.sinkcheck.kit.run.Verdict;
import org.sinkcheck.mutants.Mutants.Mutant;
import org.sinkcheck.mutants.kills.KillRecords;
import org.sinkcheck.mutants.kills.Tier;
import org.sinkcheck.rules.Rule;

/**
 * The kit has teeth: every mutant that one action at a time can expose is caught, each through the
 * rule it is named after; the correct fixture they are all made from passes every required rule; and
 * every concurrency-only mutant really does look correct to the sequential kit (else it is mislabelled),
 * which is why it is listed as left to the stress tier.
 */
class MutantKillTest {

    /** The CI replay in full; the walks trimmed, as the replay alone is exhaustive at the CI bounds. */
    private static final Options BUDGET = Options.ci().withWalks(2, 600);

    private static final Map<String, String> KILLS = new ConcurrentHashMap<>();

    /** The begins a mutant's bug past a threshold needs: 17, one call past 16 pending on a sink. */
    private static final int BEGINS_PAST_16 = 17;

    @TestFactory
    List<DynamicTest> everySequentialMutantIsCaughtByItsOwnRule() {
        return eachRunThroughTheKit(Mutants.sequential(), (m, report) -> {
            ConformanceReport.Row own = report.result(m.rule());
            List<String> alsoFailed = report.failures().stream().map(r -> r.rule().id())
                    .filter(id -> !id.equals(m.rule().id())).toList();
            KILLS.put(m.name(), own.verdict() == Verdict.FAIL
                    ? "killed by " + m.rule().id() + (alsoFailed.isEmpty() ? "" : " (also " + String.join(", ", alsoFailed) + ")")
                    : "SURVIVED");
            assertEquals(Verdict.FAIL, own.verdict(), () -> m.name() + " must fail " + m.rule().id() + ":\n" + report.table());
            // shrunk: a dozen actions at most, besides the begins a bug past a threshold needs (17 for one past 16)
            long besidesBegins = own.counterexample().actions().stream().filter(a -> !a.startsWith("begin ")).count();
            assertTrue(besidesBegins <= 12 && own.counterexample().actions().size() <= 12 + BEGINS_PAST_16,
                    () -> m.name() + ": the counterexample should be shrunk:\n" + own.counterexample());
            System.out.println(m.name() + ": " + KILLS.get(m.name()) + System.lineSeparator() + own.counterexample());
        });
    }

    @Test
    void theCorrectFixtureHoldsEveryRequiredRule() {
        ConformanceReport report = Conformance.run(new BaseSink.Adapter(), BUDGET);
        assertTrue(report.requiredRulesHold(), report::table);
        assertEquals(List.of(), report.failures());
    }

    @TestFactory
    List<DynamicTest> concurrencyOnlyMutantsLookCorrectToTheSequentialKit() {
        return eachRunThroughTheKit(Mutants.concurrencyOnly(), (m, report) ->
                assertTrue(report.requiredRulesHold(), () -> m.name() + " is marked @ConcurrencyOnly but the sequential kit catches it:\n"
                        + report.table()));
    }

    @Test
    @Timeout(5)
    void everyMutantHasALoadableAdapterAndARuleName() throws Exception {
        for (Mutant m : Mutants.ALL) {
            SinkAdapter<?, ?> adapter = Adapters.load(m.adapterClassName(), getClass().getClassLoader());
            assertEquals(m.name(), adapter.name());
            assertTrue(m.name().matches("SC\\d\\d_[A-Z]\\w+"), m.name());
            assertEquals(Rule.valueOf(m.name().substring(0, 4)), m.rule());
            assertTrue(!m.pattern().isBlank(), m.name() + " needs a @BugPattern");
        }
        assertTrue(Mutants.ALL.size() >= 15, "at least 15 mutants");
        assertTrue(Mutants.concurrencyOnly().size() >= 4, "at least 4 concurrency-only mutants");
    }

    @AfterAll
    static void printKillRate() {
        long killed = KILLS.values().stream().filter(v -> v.startsWith("killed")).count();
        int total = Mutants.sequential().size();
        StringBuilder sb = new StringBuilder(System.lineSeparator());
        sb.append(String.format("Mutants killed: %d/%d (%d%%) by the sequential kit, each by its own rule%n",
                killed, total, total == 0 ? 0 : killed * 100 / total));
        Mutants.sequential().forEach(m -> sb.append(String.format("  %-40s %s%n", m.name(), KILLS.getOrDefault(m.name(), "not run"))));
        sb.append("Left to the stress tier (@ConcurrencyOnly):").append(System.lineSeparator());
        Mutants.concurrencyOnly().forEach(m -> sb.append(String.format("  %-40s %s%n", m.name(), m.adapterClassName())));
        System.out.println(sb);
    }

    /**
     * One test per mutant, named by it: the kit runs it, the rules it failed go to the kill-rate table
     * ({@link KillRecords}), and {@code check} judges the report.
     */
    private static List<DynamicTest> eachRunThroughTheKit(List<Mutant> mutants, BiConsumer<Mutant, ConformanceReport> check) {
        return mutants.stream()
                .map(m -> DynamicTest.dynamicTest(m.name(), () -> {
                    ConformanceReport report = Conformance.run(load(m), BUDGET);
                    KillRecords.inBuild().ran(Tier.KIT, MutantKillTest.class, m.name(),
                            report.failures().stream().map(ConformanceReport.Row::rule).toList(), "CI replay, 2 walks x 600 actions");
                    check.accept(m, report);
                }))
                .toList();
    }

    private static SinkAdapter<?, ?> load(Mutant m) throws Exception {
        return Adapters.load(m.adapterClassName(), MutantKillTest.class.getClassLoader());
    }
}
