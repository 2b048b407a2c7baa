package org.sinkcheck.tlc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sinkcheck.rules.Rule;
import org.sinkcheck.tlc.TlcResult.Kind;

/**
 * The CI configurations have teeth: every deliberately broken spec in {@code spec/tla/broken} (the
 * abstract spec) and {@code spec/tla/broken/algo} (the algorithm) fails TLC at the CI bounds with the
 * rule it breaks and a counterexample of numbered steps, and the build prints one kill table of them
 * all (variant, configuration, what TLC names, steps). Each variant's module says what it breaks, why
 * the rules before it could not see it, and how to check it ({@code Check with X.cfg and
 * SPECIFICATION Y.}): every such run is made, two at a time (each is a TLC child JVM), and every one
 * must be asserted by a test below.
 */
@Timeout(600)
class BrokenSpecsTest {
    private static final Pattern CHECK_WITH = Pattern.compile("Check with (\\S+\\.cfg) and SPECIFICATION (\\w+)\\.");
    /** "variant with config (SPECIFICATION spec)" to its run, started in {@link #startEveryRun()}. */
    private static final Map<String, Future<TlcResult>> RUNS = new TreeMap<>();
    private static final Set<String> ASSERTED = ConcurrentHashMap.newKeySet();
    private static ExecutorService pool;

    @BeforeAll
    static void startEveryRun() throws IOException {
        SpecFolder specs = SpecFolder.locate(Path.of("target", "tlc", "broken-extracted"));
        pool = Executors.newFixedThreadPool(2);
        for (String folder : List.of("broken", "broken/algo")) {
            try (Stream<Path> files = Files.list(specs.root().resolve(folder))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".tla")).sorted().toList()) {
                    String variant = file.getFileName().toString().replace(".tla", "");
                    Matcher m = CHECK_WITH.matcher(Files.readString(file));
                    while (m.find()) {
                        TlcRun run = TlcRun.of(folder + "/" + variant, m.group(1)).withSpecification(m.group(2));
                        RUNS.put(key(variant, m.group(1), m.group(2)), pool.submit(() -> Tlc.check(run)));
                    }
                }
            }
        }
        assertTrue(RUNS.size() >= 20, RUNS.keySet()::toString);
    }

    private static String key(String variant, String config, String specification) {
        return variant + " with " + config + " (SPECIFICATION " + specification + ")";
    }

    /** The result of {@code variant}'s run with {@code config} and {@code specification}, which must have failed. */
    private static TlcResult kill(String variant, String config, String specification) {
        String key = key(variant, config, specification);
        Future<TlcResult> run = RUNS.get(key);
        assertTrue(run != null, () -> key + " is not a run any variant's header asks for: " + RUNS.keySet());
        TlcResult result;
        try {
            result = run.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(key + " could not run", e.getCause());
        }
        ASSERTED.add(key);
        System.out.println(result.report());
        assertFalse(result.passed(), () -> variant + " passed TLC:\n" + result.log());
        return result;
    }

    @AfterAll
    static void printTheKillTableAndStop() throws Exception {
        pool.shutdown();
        List<String> rows = new ArrayList<>();
        for (Map.Entry<String, Future<TlcResult>> e : RUNS.entrySet()) {
            TlcResult result = e.getValue().get();
            long steps = result.readableSteps().stream().filter(l -> l.matches("\\d+\\. .*")).count();
            String named = result.kind() == Kind.COUNTS_CHANGED
                    ? "state counts: " + result.generatedStates() + " generated, not " + result.expected().map(c -> Long.toString(c.generated())).orElse("?")
                    : result.passed() ? "nothing: it PASSED" : result.kind().words() + " " + result.violatedName().orElse("?");
            String[] parts = e.getKey().split(" with | \\(SPECIFICATION ");
            rows.add(String.format(Locale.ROOT, "| %-38s | %-26s | %-7s | %-62s | %5s |", parts[0], parts[1],
                    result.violatedRule().map(Rule::id).orElse("-"), named, steps == 0 ? "-" : Long.toString(steps)));
        }
        System.out.println("Kill table: " + rows.size() + " runs of the broken variants of spec/tla at the CI bounds\n"
                + String.format(Locale.ROOT, "| %-38s | %-26s | %-7s | %-62s | %5s |", "variant", "configuration", "rule", "TLC names", "steps")
                + "\n" + String.join("\n", rows));
        Set<String> unasserted = new TreeSet<>(RUNS.keySet());
        unasserted.removeAll(ASSERTED);
        assertTrue(unasserted.isEmpty(), () -> "runs no test asserts (whose rule then nobody checks): " + unasserted);
    }

    /** {@link #kill}, with a counterexample of numbered steps. */
    private static TlcResult killWithSteps(String variant, String config, String specification) {
        TlcResult result = kill(variant, config, specification);
        assertTrue(result.readableCounterexample().startsWith("1. "), result::report);
        return result;
    }

    private static TlcResult caught(String variant, String config, Rule rule, String operator) {
        TlcResult result = killWithSteps(variant, config, "BrokenSpec");
        assertEquals(Optional.of(operator), result.violatedName(), result::report);
        assertEquals(Optional.of(rule), result.violatedRule(), result::report);
        return result;
    }

    /** Step i of the counterexample contains every fragment of {@code expected[i]}. */
    @SafeVarargs
    private static void assertSteps(TlcResult result, List<String>... expected) {
        List<String> steps = result.readableSteps();
        assertEquals(expected.length, steps.size(), result::readableCounterexample);
        for (int i = 0; i < steps.size(); i++) {
            for (String fragment : expected[i]) {
                String step = steps.get(i);
                assertTrue(step.contains(fragment), () -> "'" + fragment + "' in\n" + step);
            }
        }
    }

    /** A variant whose test is only that TLC names its rule and operator with a numbered counterexample. */
    record Caught(String test, String variant, String config, Rule rule, String operator) {
        @Override
        public String toString() { return test; }
    }

    /** The variants of both specs that the rule and operator TLC names say all about; the tests below say more. */
    static Stream<Caught> namedByRuleAndOperator() {
        return Stream.of(
                new Caught("SC15_aThrowingListenerThatCancelsItsWholeSinkHarmsTheOtherCalls", "CancelAllThrowCancelsSink", "CancelAll.cfg", Rule.SC15, "SC15_OwnCallOnly"),
                new Caught("SC06_beginThatDoesNotRecheckAfterPublishingLosesItsCall", "CancelAllAlgoNoRecheck", "CancelAllAlgo.cfg", Rule.SC06, "SC06_NoLostCall"),
                new Caught("SC13_cancelThatMarksBeforeClosingTheRegistryEndsCallsTheOpenRegistryStillHolds", "CancelAllAlgoMarkBeforeClose", "CancelAllAlgo.cfg", Rule.SC13, "SC13_NoRetention"),
                new Caught("SC06_sweepThatSkipsACallInItsCallbackLeavesItPendingForEver", "CancelAllAlgoSweepSkipsBusy", "CancelAllAlgo.cfg", Rule.SC06, "SC06_NoLostCall"),
                new Caught("SC09_sweepThatEndsACallInItsCallbackRunsOnCancelledAlongsideIt", "CancelAllAlgoSweepInterruptsCallback", "CancelAllAlgo.cfg", Rule.SC09, "SC09_SerialCallbacks"),
                new Caught("SC12_completeWithAPlainWriteInsteadOfACasTellsTheProviderCancelledOfACallThatCompletes", "CancelAllAlgoPlainComplete", "CancelAllAlgo.cfg", Rule.SC12, "SC12_ProviderTold"),
                new Caught("SC04_signalThatDoesNotRecheckAfterItsClaimDeliversAfterCancel", "CancelAllAlgoNoCheckAfterClaim", "CancelAllAlgo.cfg", Rule.SC04, "SC04_SilentAfterCancel"),
                new Caught("SC04_aSecondSignalThatSkipsTheRecheckDeliversAfterCancel_onlyWithTwoSignalsPerCall", "CancelAllAlgoCheckFirstSignalOnly", "CancelAllAlgo.cfg", Rule.SC04, "SC04_SilentAfterCancel"),
                new Caught("SC13_finalSentBeforeTheCallIsUnlinkedIsRetainedWhileTheListenerRuns", "CancelAllAlgoSendBeforeUnlink", "CancelAllAlgo.cfg", Rule.SC13, "SC13_NoRetention"),
                new Caught("SC15_aThrowingListenerThatMakesTheSinkCancelItselfHarmsTheOtherCalls", "CancelAllAlgoThrowCancelsSink", "CancelAllAlgo.cfg", Rule.SC15, "SC15_OwnCallOnly"),
                new Caught("SC02_sinksThatNumberTheirGenerationsAlikeSweepEachOthersCalls", "CancelAllAlgoSharedGeneration", "CancelAllAlgoSinks.cfg", Rule.SC02, "SC02_NeverOthers"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("namedByRuleAndOperator")
    void isCaughtWithItsRuleAndOperator(Caught variant) {
        caught(variant.variant(), variant.config(), variant.rule(), variant.operator());
    }

    // ---- the abstract spec, CancelAll.cfg ----

    @Test
    void SC02_cancelOverASharedRegistryEndsAnotherSinksCall() {
        TlcResult result = caught("CancelAllTouchesNeighbour", "CancelAll.cfg", Rule.SC02, "SC02_NeverOthers");
        assertEquals(13, result.exitCode());
        assertSteps(result, List.of("1. begin c1 on s1"), List.of("2. CancelTouchingNeighbour: ",
                "status[c1]: \"pending\" -> \"cancelled\"", "heard[s1][c1] += \"cancelled\"", "cancels[s2]: 0 -> 1"));
    }

    @Test
    void SC02_cancelOfAnIdleSinkThatEndsTheNeighboursCallsIsJudgedByTheSinkItCancels() {
        TlcResult result = caught("CancelAllIdleCancelEndsNeighbour", "CancelAll.cfg", Rule.SC02, "SC02_NeverOthers");
        assertSteps(result, List.of("1. begin c1 on s"),
                List.of("2. CancelFallingThrough: ", "status[c1]: \"pending\" -> \"cancelled\"", "cancels[s"));
    }

    @Test
    void SC13_completeThatKeepsTheCallRegisteredIsALeak() {
        TlcResult result = caught("CancelAllCompleteRetains", "CancelAll.cfg", Rule.SC13, "SC13_NoRetention");
        assertEquals(12, result.exitCode());
        assertSteps(result, List.of("1. begin c1 on s1"),
                List.of("2. CompleteRetaining: ", "status[c1]: \"pending\" -> \"completed\"", "heard[s1][c1] += \"completed\""));
        assertFalse(result.readableSteps().get(1).contains("registry"), "the broken step leaves the registry alone");
    }

    @Test
    void SC10_cancelThatWaitsForSilentProvidersNeverEndsASubscription() {
        TlcResult result = caught("CancelAllCancelWaits", "CancelAll.cfg", Rule.SC10, "SC10_EveryCallEnds");
        // TLC finds liveness violations in whichever strongly connected component it checks first, so
        // which calls the trace begins varies; what it must show is calls begun and then nothing forever.
        String steps = result.readableCounterexample();
        assertTrue(steps.endsWith("then nothing happens any more, forever (stuttering)"), steps);
    }

    @Test
    void SC16_aSpecWithoutCancelFromACallbackChangesTheExactStateCounts() {
        TlcResult result = kill("CancelAllNoCancelInCallback", "CancelAll.cfg", "BrokenSpec");
        assertEquals(Kind.COUNTS_CHANGED, result.kind(), result::report);
        // the same states (a callback's cancel only shortcuts a deliver and a cancel) but fewer transitions
        assertTrue(result.generatedStates() < result.expected().orElseThrow().generated(), result::report);
        assertTrue(result.summaryLine().contains("A changed count is a changed spec"), result::summaryLine);
    }

    // ---- the algorithm, CancelAllAlgo*.cfg ----

    @Test
    void SC04_aBatchThatDoesNotRecheckBetweenItsObjectsDeliversAfterCancel() {
        TlcResult result = caught("CancelAllAlgoBatchSkipsRecheck", "CancelAllAlgo.cfg", Rule.SC04, "SC04_SilentAfterCancel");
        assertTrue(result.readableCounterexample().contains("tleft"), result::readableCounterexample);
    }

    @Test
    void SC11_aSweepThatWaitsForARunningCallbackDeadlocksWithAListenerThatWaitsForTheCancel() {
        TlcResult result = killWithSteps("CancelAllAlgoSweepWaitsForCallback", "CancelAllAlgoWaits.cfg", "BrokenSpec");
        assertEquals(Kind.DEADLOCK, result.kind(), result::report);
        assertEquals(Optional.of(Rule.SC11), result.violatedRule());
    }

    @Test
    void refinement_aSwallowedListenerErrorFailsAbstractSafetyWithANumberedCounterexample() {
        TlcResult result = killWithSteps("CancelAllAlgoThrowUnreported", "CancelAllAlgo.cfg", "BrokenSpec");
        assertEquals(Kind.ACTION_PROPERTY, result.kind(), result::report);
        assertEquals(Optional.of("AbstractSafety"), result.violatedName(), result::report);
        assertTrue(result.summaryLine().contains("(AbstractSafety), counterexample of "), result::summaryLine);
    }

    @Test
    void refinement_theSameWithFairnessFailsRefinementNotSC10() {
        TlcResult result = killWithSteps("CancelAllAlgoThrowUnreported", "CancelAllAlgoLive.cfg", "BrokenLiveSpec");
        assertEquals(Optional.of("Refinement"), result.violatedName(), result::report);
        assertEquals(Optional.empty(), result.violatedRule(), "the refinement is no single rule");
    }

    @Test
    void SC10_withoutTheClientsFairnessBothLivenessPropertiesFailAndBothAreNamed() {
        TlcResult result = killWithSteps("CancelAllAlgoClientNeverCancels", "CancelAllAlgoLive.cfg", "BrokenLiveSpec");
        assertEquals(Kind.TEMPORAL_PROPERTY, result.kind(), result::report);
        assertEquals(Optional.of("Refinement and SC10_EveryCallEnds"), result.violatedName(), result::report);
        assertEquals(Optional.of(Rule.SC10), result.violatedRule());
    }
}
