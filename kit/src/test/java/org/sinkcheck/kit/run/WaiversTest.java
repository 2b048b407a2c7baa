package org.sinkcheck.kit.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sinkcheck.kit.Capability;

/**
 * Only a MUST rule whose promise the adapter does not declare can be waived: a waiver of no rule, of a
 * rule the kit checks, or of one that is N/A because the adapter cannot observe it, is refused in one
 * line before the kit runs (what a waiver does to the reports: {@code SinkVerificationWaiverTest}).
 */
class WaiversTest {
    private static final Set<Capability> NO_THREAD_SAFETY_NO_COUNT =
            EnumSet.complementOf(EnumSet.of(Capability.THREAD_SAFE, Capability.RETENTION_VISIBLE));

    @Test
    void SC11_aWaiverThatWaivesNothingIsRefusedInOneLineBeforeTheKitRuns() {
        assertEquals("cannot waive 'SC-99': no such rule (the rules are SC-01 to SC-16)",
                assertThrows(IllegalArgumentException.class, () -> Waivers.of("x", List.of("SC-99"))).getMessage());
        assertEquals("cannot waive 'eleven': no such rule (the rules are SC-01 to SC-16)",
                assertThrows(IllegalArgumentException.class, () -> Waivers.of("x", List.of("eleven"))).getMessage());
        assertEquals("cannot waive SC-04: it is not N/A for this sink, the kit checks it"
                        + " (only a MUST rule whose promise the adapter does not declare can be waived)",
                assertThrows(IllegalArgumentException.class,
                        () -> Waivers.of("x", List.of("SC-04")).checkAgainst(NO_THREAD_SAFETY_NO_COUNT)).getMessage());
        String observed = assertThrows(IllegalArgumentException.class,
                () -> Waivers.of("x", List.of("SC-06")).checkAgainst(NO_THREAD_SAFETY_NO_COUNT)).getMessage();
        assertTrue(observed.startsWith("cannot waive SC-06: it is N/A because " + Capability.RETENTION_VISIBLE.reason()), observed);
        Waivers.of("x", List.of("SC-11")).checkAgainst(NO_THREAD_SAFETY_NO_COUNT);
        assertThrows(IllegalArgumentException.class,
                () -> Conformance.run(new ConformanceTest.CancelDoesNothing(), Options.ci(), Waivers.of("x", List.of("SC-11")), line -> {}),
                "the run refuses it too, before it replays anything");
    }
}
