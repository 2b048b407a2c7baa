package org.sinkcheck.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sinkcheck.model.Action.Begin;
import org.sinkcheck.model.Action.Cancel;
import org.sinkcheck.model.Action.CancelInCallback;
import org.sinkcheck.model.Action.Deliver;
import org.sinkcheck.model.Action.ForgedHandle;
import org.sinkcheck.model.Action.ListenerThrows;

/**
 * The step checks judge a step by its action: they pass on every step of the CI graph, and each
 * catches the broken step it exists for, including the one that only the acting sink can attribute.
 */
class RuleChecksActionAwareTest {
    private final Model model = new Model(Bounds.CI);

    private ModelState after(List<Action> actions) {
        ModelState s = model.initial();
        for (Action a : actions) s = model.apply(s, a);
        return s;
    }

    private static List<String> names(List<Violation> violations) {
        return violations.stream().map(v -> v.operator().name()).toList();
    }

    @Test
    void everyStepOfTheCiGraphPasses() {
        StateGraph g = StateGraph.explore(model);
        for (StateGraph.Edge e : g.edges()) {
            List<Violation> v = RuleChecks.step(g.state(e.from()), e.action(), g.state(e.to()));
            assertTrue(v.isEmpty(), () -> e.action() + ": " + v);
        }
    }

    @Test
    void SC02_cancelOfAnIdleSinkThatEndsAnotherSinksCallIsJudgedByTheSinkItCancels() {
        ModelState before = after(List.of(new Begin(1, 0)));                // c1 pending on s2; s1 idle
        ModelState wiped = model.apply(before, new Cancel(1));                // what a shared registry does
        assertEquals(List.of(), RuleChecks.step(before, new Cancel(1), wiped), "as s2's own cancel it is right");
        // two differences of s2 (its call and its registry), and an idle cancel that changed something
        assertEquals(List.of("SC02_NeverOthers", "SC02_NeverOthers", "SC07_CancelIdempotent"),
                names(RuleChecks.step(before, new Cancel(0), wiped)));
    }

    @Test
    void SC14_aForgedHandleThatDeliversIsCaught() {
        ModelState before = after(List.of(new Begin(0, 0)));
        ModelState delivered = model.apply(before, new Deliver(0));
        assertEquals(List.of("SC14_HandlesBound"), names(RuleChecks.step(before, new ForgedHandle(1), delivered)));
    }

    @Test
    void SC01_cancelFromACallbackThatLeavesCallsPendingIsCaught() {
        ModelState before = after(List.of(new Begin(0, 0), new Begin(0, 1)));
        ModelState onlyDelivered = model.apply(before, new Deliver(0));
        assertEquals(List.of("SC01_ScopeAll", "SC01_ScopeAll"),
                names(RuleChecks.step(before, new CancelInCallback(0), onlyDelivered)));
    }

    @Test
    void SC15_aThrowingListenerThatCancelsItsWholeSinkIsCaught() {
        ModelState before = after(List.of(new Begin(0, 0), new Begin(0, 1)));
        ModelState wholeSink = model.apply(model.apply(before, new ListenerThrows(0)), new Cancel(0));
        assertEquals(List.of("SC15_OwnCallOnly"), names(RuleChecks.step(before, new ListenerThrows(0), wholeSink)));
    }
}
