package org.sinkcheck.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The complete state graph of a {@link Model}: every state reachable from {@link Model#initial()} and
 * every labelled transition between them, found by breadth-first search, as TLC finds them.
 *
 * <p>Why it exists: it is the finite object that ties the Java model to TLC ({@code ModelEqualsTlcTest}
 * compares it with TLC's {@code -dump dot} one to one), and the source of the behaviours the
 * conformance kit replays against a real sink ({@link #edgeCoverPaths()}).
 *
 * <p>Invariants: state 0 is the initial state; states are numbered in BFS order, so
 * {@link #distance(int)} is non-decreasing in the index; every enabled action of every state is one
 * {@link Edge}, self-loops (refused handles, cancel of an idle sink) included; the graph is immutable.
 */
public final class StateGraph {

    /** A transition: {@code action} is enabled in state {@code from} and leads to state {@code to}. */
    public record Edge(int from, Action action, int to) {
        public boolean isSelfLoop() { return from == to; }
    }

    private final Model model;
    private final List<ModelState> states;
    private final Map<ModelState, Integer> index;
    private final List<Edge> edges;
    private final int[][] outgoing;      // state -> indices into edges
    private final int[] treeEdge;        // state -> the edge that first reached it (BFS tree), -1 for 0
    private final int[] distance;        // state -> length of a shortest path from the initial state

    private StateGraph(Model model, List<ModelState> states, Map<ModelState, Integer> index, List<Edge> edges,
                       int[] treeEdge, int[] distance) {
        this.model = model;
        this.states = Collections.unmodifiableList(states);
        this.index = index;
        this.edges = Collections.unmodifiableList(edges);
        this.treeEdge = treeEdge;
        this.distance = distance;
        int[] count = new int[states.size()];
        for (Edge e : edges) count[e.from()]++;
        this.outgoing = new int[states.size()][];
        for (int s = 0; s < count.length; s++) outgoing[s] = new int[count[s]];
        int[] fill = new int[states.size()];
        for (int i = 0; i < edges.size(); i++) {
            int from = edges.get(i).from();
            outgoing[from][fill[from]++] = i;
        }
    }

    /** Breadth-first search of every state reachable from {@code model.initial()}. */
    public static StateGraph explore(Model model) {
        List<ModelState> states = new ArrayList<>();
        Map<ModelState, Integer> index = new HashMap<>();
        List<Edge> edges = new ArrayList<>();
        List<Integer> treeEdge = new ArrayList<>();
        List<Integer> distance = new ArrayList<>();

        ModelState init = model.initial();
        states.add(init);
        index.put(init, 0);
        treeEdge.add(-1);
        distance.add(0);
        ArrayDeque<Integer> frontier = new ArrayDeque<>();
        frontier.add(0);
        while (!frontier.isEmpty()) {
            int from = frontier.poll();
            ModelState state = states.get(from);
            for (Action action : model.enabled(state)) {
                ModelState next = model.apply(state, action);
                Integer to = index.get(next);
                if (to == null) {
                    to = states.size();
                    states.add(next);
                    index.put(next, to);
                    treeEdge.add(edges.size());
                    distance.add(distance.get(from) + 1);
                    frontier.add(to);
                }
                edges.add(new Edge(from, action, to));
            }
        }
        return new StateGraph(model, states, index,
                edges, treeEdge.stream().mapToInt(Integer::intValue).toArray(),
                distance.stream().mapToInt(Integer::intValue).toArray());
    }

    public Model model() { return model; }

    /** Every reachable state, index 0 the initial one, in BFS order. */
    public List<ModelState> states() { return states; }

    public ModelState state(int i) { return states.get(i); }

    public int stateCount() { return states.size(); }

    /** The index of {@code state}, or -1 if it is not reachable. */
    public int indexOf(ModelState state) {
        Integer i = index.get(state);
        return i == null ? -1 : i;
    }

    /** Every transition, self-loops included, grouped by source state in BFS order. */
    public List<Edge> edges() { return edges; }

    public int edgeCount() { return edges.size(); }

    /** The transitions leaving state {@code from}, in {@link Model#enabled} order. */
    public List<Edge> edgesFrom(int from) {
        List<Edge> out = new ArrayList<>(outgoing[from].length);
        for (int e : outgoing[from]) out.add(edges.get(e));
        return out;
    }

    /** The length of a shortest path from the initial state to state {@code i}. */
    public int distance(int i) { return distance[i]; }

    /**
     * TLC's "depth of the complete state graph search": the number of states on the longest of the
     * shortest paths from the initial state (so a graph of only the initial state has depth 1).
     */
    public int depth() { return distance[distance.length - 1] + 1; }

    /** A shortest sequence of actions from the initial state to state {@code i}. */
    public List<Action> pathTo(int i) {
        List<Action> path = new ArrayList<>(distance[i]);
        for (int s = i; treeEdge[s] >= 0; s = edges.get(treeEdge[s]).from()) {
            path.add(edges.get(treeEdge[s]).action());
        }
        Collections.reverse(path);
        return path;
    }

    /**
     * Behaviours from the initial state that together take every edge at least once: the exhaustive
     * replay set of the conformance kit.
     *
     * <p>Each path reaches the source of a not yet covered edge by a shortest route, takes that edge,
     * then keeps following uncovered edges from wherever it stands until it is stuck (every edge of the
     * current state covered). Extending greedily instead of one path per edge keeps the set small:
     * no path is a prefix of another, and most of the graph is covered by long walks rather than by
     * repeating the same shortest prefixes.
     */
    public List<List<Action>> edgeCoverPaths() {
        BitSet covered = new BitSet(edges.size());
        List<List<Action>> paths = new ArrayList<>();
        for (int start = 0; start < edges.size(); start++) {
            if (covered.get(start)) continue;
            Edge first = edges.get(start);
            List<Action> path = new ArrayList<>();
            for (int s = first.from(), e; (e = treeEdge[s]) >= 0; s = edges.get(e).from()) {
                path.add(edges.get(e).action());
                covered.set(e);
            }
            Collections.reverse(path);
            int at = first.from();
            for (int e = start; e >= 0; e = firstUncovered(at, covered)) {
                covered.set(e);
                path.add(edges.get(e).action());
                at = edges.get(e).to();
            }
            paths.add(List.copyOf(path));
        }
        return Collections.unmodifiableList(paths);
    }

    private int firstUncovered(int state, BitSet covered) {
        for (int e : outgoing[state]) if (!covered.get(e)) return e;
        return -1;
    }

    /** The state {@code action} leads to from state {@code from}, or -1 if it is not enabled there. */
    public int successor(int from, Action action) {
        for (int e : outgoing[from]) {
            if (edges.get(e).action().equals(action)) return edges.get(e).to();
        }
        return -1;
    }

    /** The state reached by taking {@code actions} from the initial state; fails on a disabled action. */
    public int follow(List<Action> actions) {
        int at = 0;
        for (Action action : actions) {
            int next = successor(at, action);
            if (next < 0) {
                throw new IllegalArgumentException(action + " is not enabled in state " + at + ": " + states.get(at));
            }
            at = next;
        }
        return at;
    }

    @Override
    public String toString() {
        return stateCount() + " states, " + edgeCount() + " edges, depth " + depth();
    }
}
