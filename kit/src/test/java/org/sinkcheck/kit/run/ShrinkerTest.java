package org.sinkcheck.kit.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sinkcheck.model.Action;
import org.sinkcheck.model.Action.Begin;
import org.sinkcheck.model.Action.Cancel;
import org.sinkcheck.model.Action.Complete;
import org.sinkcheck.model.Action.Deliver;
import org.sinkcheck.model.Bounds;
import org.sinkcheck.model.Model;

/** Delta debugging keeps only what the failure needs, and only behaviours the model enables. */
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
    void neverReturnsABehaviourTheModelDoesNotEnable() {
        List<Action> failing = List.of(new Begin(0, 0), new Deliver(0), new Complete(0));
        // "fails" whenever Complete(0) is present: but Complete(0) alone is not enabled without its begin
        List<Action> shrunk = new Shrinker(model, actions -> actions.contains(new Complete(0)), 1000).shrink(failing);
        assertEquals(List.of(new Begin(0, 0), new Complete(0)), shrunk);
    }
}
