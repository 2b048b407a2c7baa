package org.sinkcheck.tlc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sinkcheck.model.Bounds;
import org.sinkcheck.model.Model;
import org.sinkcheck.model.StateGraph;

/**
 * TLC model-checks the abstract spec at the CI bounds inside {@code mvn verify}: every invariant and
 * property of CancelAll.cfg (one signal per call, liveness included) and CancelAllTwoSignals.cfg (two
 * signals, safety) holds, and each explores exactly the state graph its {@code \* expect:} line states
 * ({@link Tlc} fails a run whose counts differ: a changed count is a changed spec, to be looked at).
 * The summary lines (states, transitions, depth, time) go to the build log.
 */
class CancelAllTlcTest {

    private static void passes(TlcResult result) {
        System.out.println(result.report());
        assertTrue(result.passed(), () -> result.report() + "\n" + result.log());
        assertEquals(0, result.exitCode());
        assertTrue(result.expected().isPresent(), "a CI configuration states its exact counts");
    }

    @Test
    @Timeout(300)
    void allRulesHoldAtTheCiBounds() {
        passes(CiModelCheck.result());
    }

    /**
     * The kit's random walks use the model with two signals per call; that model has exactly TLC's
     * states and transitions there too (one to one at one signal: {@code ModelEqualsTlcTest}).
     */
    @Test
    @Timeout(300)
    void theSafetyRulesHoldWithTwoSignalsPerCallAndTheModelHasTlcsCounts() {
        TlcResult result = Tlc.check(TlcRun.of("CancelAll", "CancelAllTwoSignals.cfg"));
        passes(result);
        Bounds two = CancelAllStates.tryBounds(TlcConfig.parse(Tlc.read(
                SpecFolder.locate(Path.of("target", "tlc")).file("CancelAllTwoSignals.cfg")))).orElseThrow();
        assertEquals(new Bounds(2, 3, Set.of(2), 2), two);
        StateGraph model = StateGraph.explore(new Model(two));
        assertEquals(result.distinctStates(), model.stateCount(), "distinct states");
        assertEquals(result.generatedStates(), model.edgeCount() + 1L, "transitions (TLC counts the initial state too)");
    }

    @Test
    void everyConfigurationStatesItsExactCounts() {
        SpecFolder specs = SpecFolder.locate(Path.of("target", "tlc"));
        for (String cfg : specs.configs()) {
            assertTrue(TlcConfig.parse(Tlc.read(specs.file(cfg))).expected().isPresent(), cfg + " has no '\\* expect:' line");
        }
        assertTrue(specs.configs().containsAll(List.of("CancelAll.cfg", "CancelAllTwoSignals.cfg", "CancelAllAlgo.cfg",
                "CancelAllAlgoLive.cfg", "CancelAllAlgoSinks.cfg", "CancelAllAlgoWaits.cfg")), specs.configs()::toString);
    }
}
