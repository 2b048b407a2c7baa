package org.sinkcheck.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.sinkcheck.model.Action.CancelInFinal;
import org.sinkcheck.model.Action.CancelInProgress;
import org.sinkcheck.model.Action.ProgressThrows;

/**
 * The listener's actions the executable model has beyond CancelAll.tla's {@code Next}
 * ({@link Model#enabledBeyondTheSpec}), checked against every state of the CI graph (TLC's): which of
 * them the spec allows as two of its own steps, which it does not have at all, and that
 * {@link Model#isEnabled} decides all of them, and the spec's, exactly as the two lists do.
 */
class BeyondTheSpecTest {
    private static final StateGraph CI = StateGraph.explore(new Model(Bounds.CI));
    private static final Model MODEL = CI.model();

    @Test
    void SC16_cancelFromAProgressOrAFinalCallbackIsTwoStepsOfTheSpec() {
        int checked = forEachBeyondTheSpec(action -> action instanceof CancelInProgress || action instanceof CancelInFinal, (state, action) -> {
            int sink = state.owner(action.call());
            Action first = action instanceof CancelInProgress ? new Action.Progress(action.call())
                    : switch (((CancelInFinal) action).fin()) {
                        case COMPLETED -> new Action.Complete(action.call());
                        case FAILED -> new Action.Fail(action.call());
                        default -> new Action.Cancel(sink);
                    };
            assertTrue(MODEL.enabled(state).contains(first), () -> first + " in " + state);
            ModelState between = MODEL.apply(state, first);
            assertTrue(MODEL.enabled(between).contains(new Action.Cancel(sink)));
            ModelState twoSteps = MODEL.apply(between, new Action.Cancel(sink));
            assertEquals(twoSteps, MODEL.apply(state, action), action::toString);
            assertTrue(CI.indexOf(twoSteps) >= 0, "a state of TLC's graph");
        });
        assertTrue(checked > 1_000, "checked " + checked);
    }

    @Test
    void SC15_aThrowFromAProgressCallbackLeadsOutOfTheSpecsGraph() {
        int checked = forEachBeyondTheSpec(action -> action instanceof ProgressThrows, (state, action) -> {
            ModelState after = MODEL.apply(state, action);
            int c = action.call();
            assertTrue(after.faulted(c) && after.status(c) == Status.CANCELLED && !after.inRegistry(state.owner(c), c));
            List<EventKind> heard = after.heardOf(c);
            assertEquals(List.of(EventKind.PROGRESS, EventKind.CANCELLED), heard.subList(heard.size() - 2, heard.size()));
            assertEquals(-1, CI.indexOf(after), "TLC never reached it: CancelAll.tla has no such step");
        });
        assertTrue(checked > 100, "checked " + checked);
    }

    @Test
    void SC15_SC16_isEnabledAgreesWithTheSpecsActionsAndTheOnesBeyondIt() {
        Bounds b = Bounds.CI;
        List<Action> every = new ArrayList<>();
        for (int s = -1; s <= b.sinks(); s++) {
            every.add(new Action.Cancel(s));
            every.add(new Action.ForgedHandle(s));
            for (int c = 0; c < b.calls(); c++) {
                every.add(new Action.Begin(s, c));
                every.add(new Action.ForeignHandle(c, s));
            }
        }
        for (int c = 0; c <= b.calls(); c++) {
            for (Status fin : List.of(Status.COMPLETED, Status.FAILED, Status.CANCELLED)) every.add(new CancelInFinal(c, fin));
            every.addAll(List.of(new Action.Deliver(c), new Action.Progress(c), new Action.Complete(c), new Action.Fail(c),
                    new Action.StaleHandle(c), new Action.ListenerThrows(c), new Action.CancelInCallback(c),
                    new ProgressThrows(c), new CancelInProgress(c)));
        }
        for (int i = 0; i < CI.stateCount(); i++) {
            ModelState state = CI.state(i);
            Set<Action> enabled = new HashSet<>(MODEL.enabled(state));
            enabled.addAll(MODEL.enabledBeyondTheSpec(state));
            for (Action action : every) {
                assertEquals(enabled.contains(action), MODEL.isEnabled(state, action), () -> action + " in " + state);
            }
        }
        assertFalse(MODEL.enabled(MODEL.initial()).stream().anyMatch(a -> a instanceof Action.InCallback ic && ic.callback() != EventKind.OBJECT),
                "the spec's Next stays the spec's: its listener acts only in object callbacks");
    }

    /** Runs {@code check} on every action beyond the spec that {@code which} selects, in every state of TLC's graph; how many. */
    private static int forEachBeyondTheSpec(Predicate<Action> which, BiConsumer<ModelState, Action> check) {
        int checked = 0;
        for (int i = 0; i < CI.stateCount(); i++) {
            ModelState state = CI.state(i);
            for (Action action : MODEL.enabledBeyondTheSpec(state)) {
                if (!which.test(action)) continue;
                check.accept(state, action);
                checked++;
            }
        }
        return checked;
    }
}
