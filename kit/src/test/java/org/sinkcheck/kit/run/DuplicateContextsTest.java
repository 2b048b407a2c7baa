package org.sinkcheck.kit.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sinkcheck.kit.Capability;
import org.sinkcheck.model.Action;
import org.sinkcheck.model.Model;

/**
 * One context object for several calls live at once (issue 14's duplicate contexts, beside the equal ones
 * every run has): the walks without shared listeners give some begins the very context object of their sink's
 * newest pending call, the kit still tells the calls apart (by what the model has each hear next), and the
 * reference sink passes. The teeth: {@code SC06_CallsKeyedByIdentityOfContext} (a registry keyed by the
 * context's identity), caught by SC-06 in MutantKillTest.
 */
class DuplicateContextsTest {
    private static final Options CI = Options.ci();

    @Test
    void SC06_SC09_walksGiveOneContextObjectToSeveralLiveCalls_andTheReferenceSinkPasses() {
        Model model = new Model(CI.walkBounds());
        Setup duplicates = new Setup(true, false, true, true, true);
        List<Action> walk = RandomWalk.generate(model, EnumSet.allOf(Capability.class), CI.seed(), CI.walkLength());
        Run.Outcome outcome = Run.play(ReferenceDeclaring.capabilities(EnumSet.allOf(Capability.class)), model, walk, duplicates,
                CI.settleBudget(), null);
        assertTrue(outcome.passed(), () -> outcome.violations().toString());
        assertEquals(walk.size(), outcome.steps());
        Map<Integer, Integer> callsPerContext = new HashMap<>();
        outcome.sharedContexts().values().forEach(first -> callsPerContext.merge(first, 2, (a, b) -> a + 1));
        int most = callsPerContext.values().stream().max(Integer::compare).orElse(0);
        assertTrue(outcome.sharedContexts().size() >= 20 && most >= 3,
                "calls begun with another's context: " + outcome.sharedContexts().size() + ", most calls of one context: " + most);
    }
}
