package org.sinkcheck.tlc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sinkcheck.model.Bounds;

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
}
