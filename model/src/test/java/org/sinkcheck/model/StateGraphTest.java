package org.sinkcheck.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sinkcheck.model.StateGraph.Edge;

/**
 * The BFS state graph: counted by hand on a one-sink one-call model, and checked for consistency
 * (every enabled action is exactly one edge to the state {@link Model#apply} yields) and for the
 * edge-cover property of its replay paths at the CI bounds. That its counts equal TLC's is
 * {@code ModelEqualsTlcTest}'s job.
 */
class StateGraphTest {
    private static StateGraph ci;

    @BeforeAll
    static void exploreCi() {
        ci = StateGraph.explore(new Model(Bounds.CI));
    }

    @Test
    void oneSinkOneCallWithoutSignalsHasTheHandCountedGraph() {
        // init -Begin-> pending -{Cancel, Complete, Fail}-> three final states. Self-loops: Cancel and
        // ForgedHandle everywhere, plus StaleHandle in each final state.
        StateGraph g = StateGraph.explore(new Model(new Bounds(1, 1, Set.of(), 0)));
        assertEquals(5, g.stateCount());
        assertEquals(3 + 4 + 3 * 3, g.edgeCount());
        assertEquals(3, g.depth());
        assertEquals(new Model(new Bounds(1, 1, Set.of(), 0)).initial(), g.state(0));
        assertEquals(List.of(new Action.Begin(0, 0), new Action.Fail(0)), g.pathTo(g.indexOf(
                g.model().apply(g.model().apply(g.state(0), new Action.Begin(0, 0)), new Action.Fail(0)))));
    }

    @Test
    void everyEnabledActionIsExactlyOneEdgeToItsSuccessor() {
        Model model = ci.model();
        assertEquals(model.initial(), ci.state(0));
        assertEquals(ci.stateCount(), new HashSet<>(ci.states()).size(), "states are distinct");
        int edges = 0;
        for (int s = 0; s < ci.stateCount(); s++) {
            List<Action> enabled = model.enabled(ci.state(s));
            List<Edge> out = ci.edgesFrom(s);
            assertEquals(enabled.size(), out.size(), "edges of state " + s);
            for (int i = 0; i < out.size(); i++) {
                assertEquals(enabled.get(i), out.get(i).action());
                assertEquals(ci.indexOf(model.apply(ci.state(s), enabled.get(i))), out.get(i).to());
            }
            assertEquals(ci.distance(s), ci.pathTo(s).size());
            assertEquals(s, ci.follow(ci.pathTo(s)));
            edges += out.size();
        }
        assertEquals(edges, ci.edgeCount());
        assertTrue(ci.edges().stream().anyMatch(Edge::isSelfLoop), "refused handles are self-loops");
    }

    @Test
    void edgeCoverPathsTakeEveryEdgeAndNoPathIsAPrefixOfAnother() {
        List<List<Action>> paths = ci.edgeCoverPaths();
        BitSet taken = new BitSet(ci.edgeCount());
        java.util.Map<Edge, Integer> edgeIndex = new java.util.HashMap<>();
        for (int i = 0; i < ci.edgeCount(); i++) edgeIndex.put(ci.edges().get(i), i);
        long steps = 0;
        for (List<Action> path : paths) {
            int at = 0;
            for (Action action : path) {
                int next = ci.successor(at, action);
                taken.set(edgeIndex.get(new Edge(at, action, next)));
                at = next;
            }
            steps += path.size();
        }
        assertEquals(ci.edgeCount(), taken.cardinality(), "edges covered");
        Set<List<Action>> prefixes = new HashSet<>();
        for (List<Action> path : paths) {
            for (int n = 0; n < path.size(); n++) prefixes.add(path.subList(0, n));
        }
        for (List<Action> path : paths) assertFalse(prefixes.contains(path), "a prefix of another path: " + path);
        assertTrue(paths.size() < ci.edgeCount() / 2,
                paths.size() + " paths for " + ci.edgeCount() + " edges: greedy extension should share most work");
        System.out.println("StateGraph CI: " + ci + "; " + paths.size() + " edge-cover paths, " + steps + " steps");
    }
}
