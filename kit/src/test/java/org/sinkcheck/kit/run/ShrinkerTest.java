package org.sinkcheck.kit.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.sinkcheck.model.Action;
import org.sinkcheck.model.Action.Begin;
import org.sinkcheck.model.Action.Cancel;
import org.sinkcheck.model.Action.Complete;
import org.sinkcheck.model.Action.Deliver;
import org.sinkcheck.model.Bounds;
import org.sinkcheck.model.Model;

/** Delta debugging keeps only what the failure needs, and only behaviours the model enables; a long shrink says where it is. */
class ShrinkerTest {
    private final Model model = new Model(Bounds.CI);

    @Test
    void shrinksToTheActionsTheFailureNeedsKeepingTheBeginItDependsOn() {
        List<Action> failing = List.of(new Begin(0, 0), new Begin(1, 1), new Deliver(1), new Cancel(1),
                new Deliver(0), new Begin(0, 2), new Cancel(0), new Complete(0));
        // "fails" whenever call 1 is cancelled: needs Begin(1,1) and Cancel(1), nothing else
        List<Action> shrunk = new Shrinker(model, actions -> actions.contains(new Cancel(1)) && actions.contains(new Begin(1, 1)), 1000)
                .shrink(failing);
        assertEquals(List.of(new Begin(1, 1), new Cancel(1)), shrunk);
    }

    @Test
    void aLongShrinkSaysWhereItIsAtEachIntervalAndAShortOneSaysNothing() {
        List<Action> failing = List.of(new Begin(0, 0), new Begin(1, 1), new Deliver(1), new Cancel(1),
                new Deliver(0), new Begin(0, 2), new Cancel(0), new Complete(0));
        Predicate<List<Action>> fails = actions -> actions.contains(new Cancel(1)) && actions.contains(new Begin(1, 1));
        long[] now = {0};
        List<String> lines = new ArrayList<>();
        // a clock that moves 20 s at every reading: each replay ends an interval of 15 s
        new Shrinker(model, fails, 1000, new Shrinker.Progress(lines::add, "SC-01", () -> now[0] += 20_000_000_000L, Duration.ofSeconds(15)))
                .shrink(failing);
        assertFalse(lines.isEmpty());
        assertTrue(lines.get(0).matches("shrinking SC-01: \\d+ of 8 actions left after 1 of at most 1000 replays \\(20 s\\)"), lines.get(0));
        assertTrue(lines.get(lines.size() - 1).startsWith("shrinking SC-01: 2 of 8 actions left"), lines::toString);

        List<String> quiet = new ArrayList<>();
        new Shrinker(model, fails, 1000, new Shrinker.Progress(quiet::add, "SC-01", () -> 0L, Duration.ofSeconds(15))).shrink(failing);
        assertEquals(List.of(), quiet, "a shrink shorter than the interval prints nothing");
    }

    @Test
    void neverReturnsABehaviourTheModelDoesNotEnable() {
        List<Action> failing = List.of(new Begin(0, 0), new Deliver(0), new Complete(0));
        // "fails" whenever Complete(0) is present: but Complete(0) alone is not enabled without its begin
        List<Action> shrunk = new Shrinker(model, actions -> actions.contains(new Complete(0)), 1000).shrink(failing);
        assertEquals(List.of(new Begin(0, 0), new Complete(0)), shrunk);
    }
}
