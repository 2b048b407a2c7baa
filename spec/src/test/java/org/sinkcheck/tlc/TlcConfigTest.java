package org.sinkcheck.tlc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sinkcheck.model.Bounds;
import org.sinkcheck.rules.Rule;

/** Configuration files are read into sections, varied without a second hand-made file, and written back. */
class TlcConfigTest {
    private static final String CFG = """
            \\* a comment
            CONSTANTS
                Sinks = {"s1", "s2"}
                Calls = {"c1", "c2", "c3"}
                Endless = {"c3"}
                MaxSignals = 1
            SPECIFICATION Spec
            INVARIANT TypeOK SC03_OneFinalLast
            PROPERTIES
                SC10_EveryCallEnds   \\* liveness
            """;

    @Test
    void sectionsConstantsAndVariants() {
        TlcConfig cfg = TlcConfig.parse(CFG);
        assertEquals(List.of("TypeOK", "SC03_OneFinalLast"), cfg.invariants());
        assertEquals(List.of("SC10_EveryCallEnds"), cfg.properties());
        assertEquals("Spec", cfg.specification());
        assertEquals(Bounds.CI, CancelAllStates.tryBounds(cfg).orElseThrow());
        TlcConfig plain = TlcConfig.parse(cfg.withSpecification("BrokenSpec").withoutChecks().render());
        assertEquals("BrokenSpec", plain.specification());
        assertEquals(List.of(), plain.invariants());
        assertEquals(List.of(), plain.properties());
        assertEquals(cfg.constants(), plain.constants());
    }

    @Test
    void constantsThatAreNotCancelAllsGiveNoBounds() {
        TlcConfig other = TlcConfig.parse("CONSTANTS\n    Threads = {\"t1\"}\nSPECIFICATION Spec\n");
        assertEquals(java.util.Optional.empty(), CancelAllStates.tryBounds(other));
        TlcConfig badNames = TlcConfig.parse(CFG.replace("\"s2\"", "\"x\""));
        assertEquals(java.util.Optional.empty(), CancelAllStates.tryBounds(badNames));
        assertEquals(Set.of(2), CancelAllStates.tryBounds(TlcConfig.parse(CFG)).orElseThrow().endless());
    }

    @Test
    void textOutsideASectionIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> TlcConfig.parse("Sinks = {}\n"));
    }

    @Test
    void anExpectLineStatesTheExactCountsAndARunThatExploresOtherwiseFails() {
        TlcConfig cfg = TlcConfig.parse("\\* expect: 1,234 distinct states, 5,678 states generated, depth 9\n\\* deadlock: SC-11\n" + CFG);
        assertEquals(Optional.of(new TlcConfig.Counts(1234, 5678, 9)), cfg.expected());
        assertEquals(Optional.of(Rule.SC11), cfg.deadlockRule());
        String passing = "Model checking completed. No error has been found.\n%d states generated, %d distinct states found, 0 states left on queue.\n"
                + "The depth of the complete state graph search is 9.\n";
        TlcResult same = Tlc.interpret("x", 0, Duration.ZERO, String.format(passing, 5678, 1234), cfg, Path.of("."));
        assertEquals(TlcResult.Kind.PASSED, same.kind());
        TlcResult oneEdgeMore = Tlc.interpret("x", 0, Duration.ZERO, String.format(passing, 5679, 1234), cfg, Path.of("."));
        assertEquals(TlcResult.Kind.COUNTS_CHANGED, oneEdgeMore.kind());
        assertTrue(oneEdgeMore.summaryLine().contains("expected 1,234 distinct states, 5,678 states generated, depth 9, found "
                + "1,234 distinct states, 5,679 states generated, depth 9. A changed count is a changed spec"), oneEdgeMore.summaryLine());
    }
}
