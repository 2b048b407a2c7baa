package org.sinkcheck.tlc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sinkcheck.spec.Rule;

/**
 * The CI configuration has teeth: each deliberately broken spec in spec/tla/broken fails TLC with the
 * rule it breaks, and the counterexample reads as numbered actions a person can follow.
 */
@Timeout(120)
class BrokenSpecsTest {

    private static TlcResult check(String brokenModule) {
        TlcResult result = Tlc.check(TlcRun.of("broken/" + brokenModule, "CancelAll.cfg").withSpecification("BrokenSpec"));
        System.out.println(result.report());
        assertFalse(result.passed(), () -> brokenModule + " passed TLC:\n" + result.log());
        return result;
    }

    /** Step i of the counterexample contains every fragment of {@code expected.get(i)}. */
    private static void assertSteps(TlcResult result, List<List<String>> expected) {
        List<String> steps = result.readableSteps();
        assertEquals(expected.size(), steps.size(), result::readableCounterexample);
        for (int i = 0; i < steps.size(); i++) {
            for (String fragment : expected.get(i)) {
                String step = steps.get(i);
                assertTrue(step.contains(fragment), () -> "'" + fragment + "' in\n" + step);
            }
        }
    }

    @Test
    void SC02_cancelOverASharedRegistryEndsAnotherSinksCall() {
        TlcResult result = check("CancelAllTouchesNeighbour");
        assertEquals(Optional.of(Rule.SC02), result.violatedRule());
        assertEquals(Optional.of("SC02_NeverOthers"), result.violatedName());
        assertEquals(13, result.exitCode());
        assertSteps(result, List.of(
                List.of("1. begin c1 on s1"),
                List.of("2. begin c2 on s2"),
                List.of("3. CancelTouchingNeighbour: ", "status[c1]: \"pending\" -> \"cancelled\"",
                        "status[c2]: \"pending\" -> \"cancelled\"", "heard[s2][c2] += \"cancelled\"")));
    }

    @Test
    void SC13_completeThatKeepsTheCallRegisteredIsALeak() {
        TlcResult result = check("CancelAllCompleteRetains");
        assertEquals(Optional.of(Rule.SC13), result.violatedRule());
        assertEquals(12, result.exitCode());
        assertSteps(result, List.of(
                List.of("1. begin c1 on s1"),
                List.of("2. CompleteRetaining: ", "status[c1]: \"pending\" -> \"completed\"", "heard[s1][c1] += \"completed\"")));
        assertFalse(result.readableSteps().get(1).contains("registry"), "the broken step leaves the registry alone");
    }

    @Test
    void SC10_cancelThatWaitsForSilentProvidersNeverEndsASubscription() {
        TlcResult result = check("CancelAllCancelWaits");
        assertEquals(Optional.of(Rule.SC10), result.violatedRule());
        assertEquals(Optional.of("SC10_EveryCallEnds"), result.violatedName());
        // TLC finds liveness violations in whichever strongly connected component it checks first, so
        // which calls the trace begins varies; what it must show is calls begun and then nothing forever.
        String steps = result.readableCounterexample();
        assertTrue(steps.startsWith("1. begin c"), steps);
        assertTrue(steps.endsWith("then nothing happens any more, forever (stuttering)"), steps);
    }
}
