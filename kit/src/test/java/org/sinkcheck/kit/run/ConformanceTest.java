package org.sinkcheck.kit.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.sinkcheck.kit.Capability;
import org.sinkcheck.kit.SinkApiAdapter;
import org.sinkcheck.model.Bounds;
import org.sinkcheck.model.Model;
import org.sinkcheck.model.StateGraph;
import org.sinkcheck.reference.ReferenceSink;
import org.sinkcheck.sink.SinkListener;
import org.sinkcheck.rules.Operator;
import org.sinkcheck.rules.Rule;

/**
 * The engine's own promises, on the reference sink behind a cancel that does nothing: the kit must fail
 * it, by the right rule, with a shrunk counterexample (fewer capabilities declared: {@code WaiversTest}).
 */
class ConformanceTest {

    private static final Options SMALL = Options.ci().withWalks(2, 400);

    /** The reference sink behind a cancel that forgets to call it. */
    static final class CancelDoesNothing extends SinkApiAdapter<ReferenceSink<Object>> {
        @Override
        protected ReferenceSink<Object> create(SinkListener<Object> listener, BiConsumer<Object, Throwable> errors) {
            return new ReferenceSink<>(listener, errors);
        }

        @Override
        public void cancel(ReferenceSink<Object> sink) {}
    }

    /** One run of the broken adapter, shared by the tests that read it. */
    private static ConformanceReport cancelDoesNothing;

    private static synchronized ConformanceReport cancelDoesNothing() {
        if (cancelDoesNothing == null) cancelDoesNothing = Conformance.run(new CancelDoesNothing(), SMALL);
        return cancelDoesNothing;
    }

    @Test
    void aCancelThatDoesNothingFailsScopeAllWithAMinimalCounterexample() {
        ConformanceReport report = cancelDoesNothing();
        assertFalse(report.requiredRulesHold());
        Counterexample cx = report.counterexample(Rule.SC01).orElseThrow(() -> new AssertionError(report.table()));
        assertEquals(Operator.SC01_ScopeAll, cx.operator());
        assertEquals(2, cx.actions().size(), cx::toString);
        assertTrue(cx.actions().get(0).startsWith("begin") && cx.actions().get(1).startsWith("cancel"), cx::toString);
        assertEquals(Verdict.FAIL, report.result(Rule.SC10).verdict(), "the endless call is never ended either");
        assertTrue(report.table().contains("SC01_ScopeAll"), "the table prints the counterexample");

        JsonObject json = JsonParser.parseString(report.toJson()).getAsJsonObject();
        assertFalse(json.get("requiredRulesHold").getAsBoolean());
        assertEquals(Rule.values().length, json.getAsJsonArray("rules").size());
        JsonObject sc01 = json.getAsJsonArray("rules").get(0).getAsJsonObject();
        assertEquals("SC-01", sc01.get("id").getAsString());
        assertEquals("FAIL", sc01.get("verdict").getAsString());
        assertEquals(2, sc01.getAsJsonObject("counterexample").getAsJsonArray("actions").size());
    }

    @Test
    void theReplaySetCoversEveryEdgeOfTheCiGraph() {
        StateGraph graph = StateGraph.explore(new Model(Bounds.CI));
        ConformanceReport report = cancelDoesNothing();
        assertEquals(graph.stateCount(), report.counts().states());
        assertEquals(graph.edgeCount(), report.counts().edges());
        assertEquals(graph.edgeCoverPaths().size(), report.counts().paths());
    }

    @Test
    void aSeedGivesTheSameWalk() {
        Model model = new Model(Options.ci().walkBounds());
        Set<Capability> all = EnumSet.allOf(Capability.class);
        assertEquals(RandomWalk.generate(model, all, 42, 300), RandomWalk.generate(model, all, 42, 300));
        assertFalse(RandomWalk.generate(model, all, 42, 300).equals(RandomWalk.generate(model, all, 43, 300)));
    }

    @Test
    void aWalksReproduceLineNamesItsBudgetSoThePropertiesGiveTheSameWalk() {
        Options extended = Options.extended().withWalks(3, Options.extended().walkLength());
        assertEquals("-Dsinkcheck.budget=extended -Dsinkcheck.seed=7 -Dsinkcheck.walks=1", extended.reproduceWalk(7));
        assertEquals("-Dsinkcheck.budget=ci -Dsinkcheck.walkLength=90 -Dsinkcheck.seed=7 -Dsinkcheck.walks=1",
                Options.ci().withWalks(2, 90).reproduceWalk(7));
        System.setProperty("sinkcheck.budget", "extended");
        System.setProperty("sinkcheck.seed", "7");
        System.setProperty("sinkcheck.walks", "1");
        try {
            assertEquals(extended.withSeed(7).withWalks(1, extended.walkLength()), Options.fromSystemProperties());
        } finally {
            System.clearProperty("sinkcheck.budget");
            System.clearProperty("sinkcheck.seed");
            System.clearProperty("sinkcheck.walks");
        }
    }

    @Test
    void badBudgetsAreRefusedInOneLine() {
        System.setProperty("sinkcheck.budget", "huge");
        try {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, Options::fromSystemProperties);
            assertEquals("sinkcheck.budget must be ci or extended, not 'huge'", e.getMessage());
        } finally {
            System.clearProperty("sinkcheck.budget");
        }
        System.setProperty("sinkcheck.seed", "0x2a");
        try {
            assertEquals("sinkcheck.seed must be a whole number, not '0x2a'",
                    assertThrows(IllegalArgumentException.class, Options::fromSystemProperties).getMessage());
        } finally {
            System.clearProperty("sinkcheck.seed");
        }
    }
}
