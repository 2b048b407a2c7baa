package org.sinkcheck.wild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sinkcheck.kit.SinkAdapter;
import org.sinkcheck.kit.run.Conformance;
import org.sinkcheck.kit.run.ConformanceReport;
import org.sinkcheck.kit.run.Options;
import org.sinkcheck.kit.run.Verdict;
import org.sinkcheck.model.Bounds;
import org.sinkcheck.rules.Rule;

/**
 * Keeps the verdicts of docs/wild.md true: each library's adapter is run through the kit's exhaustive
 * replay, and every rule's verdict must be what the document says. A FAIL here is a real violation by the
 * library, documented with its counterexample; if a library release changes a verdict, this test says
 * which, and the document is updated with it — never the other way round.
 *
 * <p>The synchronous sinks are replayed at the CI bounds. The asynchronous ones, whose every step waits for
 * another thread and, for OkHttp, a loopback round trip, are replayed at {@link #ASYNC_REPLAY} instead: at
 * the CI bounds they take one to two minutes each (docs/wild.md, "What they cost"), at these bounds a few
 * seconds, and their verdicts are the same at both (the document's tables are of the CI bounds).
 */
@Timeout(600)
class WildVerdictsTest {
    private static final Verdict P = Verdict.PASS;
    private static final Verdict F = Verdict.FAIL;
    private static final Verdict NA = Verdict.NOT_APPLICABLE;
    private static final Verdict NP = Verdict.NOT_PROMISED;
    private static final Verdict ST = Verdict.STRESS_TIER;

    /** The asynchronous sinks' replay: two sinks and two calls, the second endless, one signal each. */
    static final Bounds ASYNC_REPLAY = new Bounds(2, 2, Set.of(1), 1);

    private static final Options SYNC = Options.ci().withWalks(0, 1);
    private static final Options ASYNC = new Options(ASYNC_REPLAY, SYNC.walkBounds(), 0, 1, SYNC.seed(), SYNC.shrinkBudget(),
            SYNC.settleBudget());

    /** Verdicts in rule order, SC-01 … SC-16. */
    private static Map<Rule, Verdict> verdicts(Verdict... inRuleOrder) {
        assertEquals(Rule.values().length, inRuleOrder.length, "one verdict per rule");
        Map<Rule, Verdict> map = new EnumMap<>(Rule.class);
        for (Rule rule : Rule.values()) map.put(rule, inRuleOrder[rule.ordinal()]);
        return map;
    }

    /** Each library's adapter and its verdicts, as docs/wild.md gives them. */
    static Stream<Arguments> libraries() {
        return Stream.of(
                //                                                       01 02 03 04 05 06 07 08 09 10 11  12 13 14  15 16
                library(new RxJavaCompositeDisposableAdapter(), SYNC, verdicts(P, P, F, P, P, P, P, F, F, F, ST, F, P, NA, F, P)),
                library(new ReactorCompositeAdapter(), SYNC, verdicts(P, P, F, P, P, P, P, F, F, F, ST, P, F, NA, F, P)),
                library(new KotlinSupervisorJobAdapter(), SYNC, verdicts(P, P, P, P, P, P, P, F, F, P, ST, F, P, NA, F, P)),
                library(new GrpcCancellableContextAdapter(), SYNC, verdicts(P, P, P, P, P, NA, P, F, F, P, ST, F, P, NA, NP, P)),
                library(new OkHttpClientPerSinkAdapter(), ASYNC, verdicts(P, P, P, P, P, P, P, P, P, P, ST, NA, P, NA, NP, P)),
                library(new OkHttpSharedDispatcherAdapter(), ASYNC, verdicts(P, F, P, P, P, P, P, P, P, P, ST, NA, P, NA, NP, P)),
                library(new PekkoKillSwitchAdapter(), ASYNC, verdicts(P, P, P, P, P, NA, P, F, P, P, ST, P, P, NA, NP, P)));
    }

    /** Named by the library, so the test's display name says which. */
    private static Arguments library(SinkAdapter<?, ?> adapter, Options budget, Map<Rule, Verdict> verdicts) {
        return arguments(Named.of(adapter.name(), adapter), budget, verdicts);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("libraries")
    void everyRuleHasItsDocumentedVerdict(SinkAdapter<?, ?> adapter, Options budget, Map<Rule, Verdict> expected) {
        ConformanceReport report = Conformance.run(adapter, budget);
        Map<Rule, Verdict> actual = new EnumMap<>(Rule.class);
        for (ConformanceReport.Row row : report.rows()) actual.put(row.rule(), row.verdict());
        assertEquals(expected, actual, report::table);
    }
}
