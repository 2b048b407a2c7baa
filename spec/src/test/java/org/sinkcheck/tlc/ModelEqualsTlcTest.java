package org.sinkcheck.tlc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sinkcheck.model.Bounds;
import org.sinkcheck.model.Model;
import org.sinkcheck.model.ModelState;
import org.sinkcheck.model.StateGraph;

/**
 * The executable model IS the TLA+ spec at the CI bounds: TLC's state graph ({@code -dump
 * dot,actionlabels}) and the model's {@link StateGraph} have the same states and the same labelled
 * transitions, one to one, counted with multiplicity (two {@code ForgedHandle} self-loops on one state
 * are two transitions on both sides).
 *
 * <p>Every other check that uses the model as its oracle (the kit, Lincheck, the soak) rests on this.
 */
@Timeout(300)
class ModelEqualsTlcTest {

    /** A transition by value: the states themselves, not numbers that differ between the two graphs. */
    record Transition(ModelState from, String action, ModelState to) {
        @Override public String toString() { return action + " from " + from + "\n    to " + to; }
    }

    private static Bounds bounds;
    private static List<ModelState> tlcStates;
    private static List<Transition> tlcTransitions;
    private static StateGraph model;

    @BeforeAll
    static void dumpTlcGraphAndExploreTheModel() {
        TlcResult result = CiModelCheck.result();
        assertTrue(result.passed(), result::report);
        DotGraph graph = DotGraph.read(CiModelCheck.DOT);
        bounds = CancelAllStates.tryBounds(TlcConfig.parse(Tlc.read(SpecFolder.locate(Path.of("target", "tlc")).file("CancelAll.cfg"))))
                .orElseThrow();
        tlcStates = new ArrayList<>();
        for (TlaState s : graph.states()) tlcStates.add(CancelAllStates.modelState(s));
        tlcTransitions = new ArrayList<>();
        for (DotGraph.Edge e : graph.edges()) {
            tlcTransitions.add(new Transition(tlcStates.get(e.from()), e.action(), tlcStates.get(e.to())));
        }
        assertEquals(1, graph.initial().size(), "one initial state");
        assertEquals(new Model(bounds).initial(), tlcStates.get(graph.initial().get(0)), "TLC's initial state is the model's");
        model = StateGraph.explore(new Model(bounds));
    }

    @Test
    void theCiConfigurationHasTheBoundsEveryoneUses() {
        assertEquals(Bounds.CI, bounds, "Bounds.CI must stay the constants of CancelAll.cfg");
    }

    @Test
    void reachableStatesAndLabelledTransitionsMatchOneToOne() {
        assertEquals(tlcStates.size(), new HashSet<>(tlcStates).size(), "TLC states map to distinct model states");
        Optional<String> difference = difference(tlcStates, tlcTransitions, model);
        difference.ifPresent(d -> fail(d));
        System.out.println("Model = TLC at CancelAll.cfg: " + model.stateCount() + " states and "
                + model.edgeCount() + " labelled transitions, one to one");
    }

    @Test
    void aSingleMissingTransitionIsReportedReadably() {
        List<Transition> oneLess = new ArrayList<>(tlcTransitions);
        Transition dropped = oneLess.remove(oneLess.size() / 2);
        String report = difference(tlcStates, oneLess, model).orElseThrow(() -> new AssertionError("comparison without teeth"));
        assertTrue(report.contains(dropped.action()) && report.contains("reached by"), report);
    }

    /** The first difference between TLC's graph and the model's, for a person, or empty if none. */
    static Optional<String> difference(List<ModelState> tlcStates, List<Transition> tlcTransitions, StateGraph model) {
        Set<ModelState> tlc = new HashSet<>(tlcStates);
        for (ModelState s : model.states()) {
            if (!tlc.contains(s)) {
                return Optional.of("the model reaches a state TLC does not, by " + readablePath(model, s) + ":\n  " + s);
            }
        }
        for (ModelState s : tlcStates) {
            if (model.indexOf(s) < 0) return Optional.of("TLC reaches a state the model does not:\n  " + s);
        }
        Map<Transition, Integer> counts = new HashMap<>();
        for (StateGraph.Edge e : model.edges()) {
            counts.merge(new Transition(model.state(e.from()), e.action().tlaName(), model.state(e.to())), 1, Integer::sum);
        }
        for (Transition t : tlcTransitions) counts.merge(t, -1, Integer::sum);
        for (Map.Entry<Transition, Integer> c : counts.entrySet()) {
            if (c.getValue() == 0) continue;
            Transition t = c.getKey();
            String who = c.getValue() > 0 ? "the model has " + c.getValue() + " more" : "TLC has " + (-c.getValue()) + " more";
            return Optional.of(who + " " + t.action() + " transition(s) from the state reached by "
                    + readablePath(model, t.from()) + " to " + t.to());
        }
        return Optional.empty();
    }

    private static String readablePath(StateGraph model, ModelState s) {
        List<String> steps = new ArrayList<>();
        for (var action : model.pathTo(model.indexOf(s))) steps.add((steps.size() + 1) + ". " + action);
        return steps.isEmpty() ? "no step (initial state)" : String.join("  ", steps);
    }
}
