package org.sinkcheck.kit.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.IntFunction;
import org.sinkcheck.kit.Capability;
import org.sinkcheck.model.Action;
import org.sinkcheck.model.Action.CancelInFinal;
import org.sinkcheck.model.Bounds;
import org.sinkcheck.model.Model;
import org.sinkcheck.model.ModelState;
import org.sinkcheck.model.Status;

/**
 * A seeded random behaviour of the model that builds up load. It moves through phases:
 * <ul>
 * <li><b>mixed</b>: each action of a kind drawn uniformly among the kinds enabled (and playable), then one
 *     action of that kind — cancels, signals, probes and the listener's actions, the spec's and those
 *     beyond it ({@link Model#enabledBeyondTheSpec}), none crowded out by the many begins;</li>
 * <li><b>load</b>: begins on one sink, three in four steps (the fourth signals one of its calls), until it
 *     holds a number of pending calls drawn from {@link #THRESHOLDS} — both sides of every power of two,
 *     and 200 — as far as the unborn calls allow; it ends with a cancel of that sink or a drain;</li>
 * <li><b>drain</b>: the sink's pending calls end one by one, by complete, fail or their listener.</li>
 * </ul>
 * So a walk crosses the sizes at which registries grow, wrap or spill, on one sink and across many. Every
 * action is enabled in the model when it is drawn (built from the state's own guards); the same seed and
 * bounds give the same walk.
 */
final class RandomWalk {
    /** The pending-call counts a load phase builds a sink up to: 2^k - 1, 2^k, 2^k + 1 for k = 1..11, and 199..201. */
    static final int[] THRESHOLDS;

    static {
        List<Integer> t = new ArrayList<>(List.of(199, 200, 201));
        for (int k = 1; k <= 11; k++) for (int d = -1; d <= 1; d++) t.add((1 << k) + d);
        THRESHOLDS = t.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
    }

    private RandomWalk() {}

    static List<Action> generate(Model model, Set<Capability> capabilities, long seed, int length) {
        return generatePhased(model, capabilities, seed, length).actions();
    }

    /** The phases a walk moves through; what each costs is measured (docs/measurements/kit-budget-2026-12-02.md). */
    enum Phase { MIXED, LOAD, DRAIN }

    /** A walk, and the phase each of its actions was drawn in. */
    record Phased(List<Action> actions, List<Phase> phases) {}

    /** As {@link #generate}, saying which phase drew each action. */
    static Phased generatePhased(Model model, Set<Capability> capabilities, long seed, int length) {
        Walker walker = new Walker(model, capabilities, new Random(seed));
        return new Phased(walker.walk(length), List.copyOf(walker.phases));
    }

    /** One kind of action: a prototype to ask the capabilities with, and how to draw one from the state's calls. */
    private record Kind(Action prototype, CallSet from, IntFunction<Action> make) {}

    /** The calls a kind draws from. */
    private enum CallSet { NONE, UNBORN, SIGNALLABLE, ENDABLE, PENDING, FINISHED }

    private static final class Walker {
        private final Model model;
        private final Bounds bounds;
        private final Random random;
        private final List<Kind> kinds = new ArrayList<>();
        private final List<Action> walk = new ArrayList<>();
        private final List<Phase> phases = new ArrayList<>();
        private Phase phase = Phase.MIXED;
        private ModelState state;
        private final int[][] calls = new int[CallSet.values().length][];
        private final int[] sizes = new int[CallSet.values().length];

        Walker(Model model, Set<Capability> capabilities, Random random) {
            this.model = model;
            this.bounds = model.bounds();
            this.random = random;
            this.state = model.initial();
            for (int i = 0; i < calls.length; i++) calls[i] = new int[bounds.calls()];
            List<Kind> all = List.of(
                    new Kind(new Action.Begin(0, 0), CallSet.UNBORN, c -> new Action.Begin(sink(), c)),
                    new Kind(new Action.Cancel(0), CallSet.NONE, c -> new Action.Cancel(sink())),
                    new Kind(new Action.Deliver(0), CallSet.SIGNALLABLE, Action.Deliver::new),
                    new Kind(new Action.Progress(0), CallSet.SIGNALLABLE, Action.Progress::new),
                    new Kind(new Action.Complete(0), CallSet.ENDABLE, Action.Complete::new),
                    new Kind(new Action.Fail(0), CallSet.ENDABLE, Action.Fail::new),
                    new Kind(new Action.StaleHandle(0), CallSet.FINISHED, Action.StaleHandle::new),
                    new Kind(new Action.ForeignHandle(0, 0), CallSet.PENDING, this::foreign),
                    new Kind(new Action.ForgedHandle(0), CallSet.NONE, c -> new Action.ForgedHandle(sink())),
                    new Kind(new Action.ListenerThrows(0), CallSet.SIGNALLABLE, Action.ListenerThrows::new),
                    new Kind(new Action.CancelInCallback(0), CallSet.SIGNALLABLE, Action.CancelInCallback::new),
                    new Kind(new Action.ProgressThrows(0), CallSet.SIGNALLABLE, Action.ProgressThrows::new),
                    new Kind(new Action.CancelInProgress(0), CallSet.SIGNALLABLE, Action.CancelInProgress::new),
                    new Kind(new CancelInFinal(0, Status.COMPLETED), CallSet.ENDABLE, c -> new CancelInFinal(c, Status.COMPLETED)),
                    new Kind(new CancelInFinal(0, Status.FAILED), CallSet.ENDABLE, c -> new CancelInFinal(c, Status.FAILED)),
                    new Kind(new CancelInFinal(0, Status.CANCELLED), CallSet.PENDING, c -> new CancelInFinal(c, Status.CANCELLED)));
            for (Kind kind : all) {
                boolean needsTwoSinks = kind.prototype() instanceof Action.ForeignHandle;
                if (Run.supports(kind.prototype(), capabilities) && (bounds.sinks() > 1 || !needsTwoSinks)) kinds.add(kind);
            }
        }

        List<Action> walk(int length) {
            while (walk.size() < length) {
                switch (random.nextInt(3)) {
                    case 0 -> load(length);
                    default -> mixed(length, 10 + random.nextInt(50));
                }
            }
            return walk;
        }

        /** Up to {@code steps} actions, each of a kind drawn uniformly among those enabled. */
        private void mixed(int length, int steps) {
            phase = Phase.MIXED;
            for (int i = 0; i < steps && walk.size() < length; i++) {
                classify(-1);
                List<Kind> enabled = new ArrayList<>();
                for (Kind kind : kinds) if (kind.from() == CallSet.NONE || sizes[kind.from().ordinal()] > 0) enabled.add(kind);
                take(draw(enabled.get(random.nextInt(enabled.size()))));
            }
        }

        /** Begins on one sink until it holds a threshold's number of pending calls, then a cancel or a drain. */
        private void load(int length) {
            phase = Phase.LOAD;
            int sink = sink();
            classify(sink);
            int have = sizes[CallSet.PENDING.ordinal()];
            int reachable = have + sizes[CallSet.UNBORN.ordinal()];
            List<Integer> targets = new ArrayList<>();
            for (int t : THRESHOLDS) if (t > have && t <= reachable) targets.add(t);
            if (targets.isEmpty()) return;
            int target = targets.get(random.nextInt(targets.size()));
            Kind signal = kinds.stream().filter(k -> k.prototype() instanceof Action.Deliver).findFirst().orElseThrow();
            while (walk.size() < length) {
                classify(sink);
                if (sizes[CallSet.PENDING.ordinal()] >= target || sizes[CallSet.UNBORN.ordinal()] == 0) break;
                if (random.nextInt(4) > 0 || sizes[CallSet.SIGNALLABLE.ordinal()] == 0) {
                    take(new Action.Begin(sink, pick(CallSet.UNBORN)));
                } else {
                    take(draw(signal));
                }
            }
            if (random.nextBoolean()) {
                if (walk.size() < length) take(new Action.Cancel(sink));
            } else {
                drain(sink, length);
            }
        }

        /** The sink's pending calls end one by one: complete, fail, or their listener's throw or cancel. */
        private void drain(int sink, int length) {
            List<Kind> enders = kinds.stream().filter(k -> k.from() == CallSet.ENDABLE || k.prototype() instanceof Action.ListenerThrows).toList();
            if (enders.isEmpty()) return;
            phase = Phase.DRAIN;
            while (walk.size() < length) {
                classify(sink);
                List<Kind> enabled = enders.stream().filter(k -> sizes[k.from().ordinal()] > 0).toList();
                if (enabled.isEmpty()) return;
                Action next = draw(enabled.get(random.nextInt(enabled.size())));
                take(next);
                if (next instanceof CancelInFinal) return;   // it cancelled the sink
            }
        }

        private Action draw(Kind kind) {
            return kind.make().apply(kind.from() == CallSet.NONE ? -1 : pick(kind.from()));
        }

        private void take(Action action) {
            walk.add(action);
            phases.add(phase);
            state = model.apply(state, action);
        }

        private int sink() { return random.nextInt(bounds.sinks()); }

        private int pick(CallSet set) { return calls[set.ordinal()][random.nextInt(sizes[set.ordinal()])]; }

        private Action foreign(int call) {
            int other = random.nextInt(bounds.sinks() - 1);
            return new Action.ForeignHandle(call, other >= state.owner(call) ? other + 1 : other);
        }

        /**
         * Sorts the calls into the sets the kinds draw from, as the model's guards say (of {@code sink}'s
         * calls only, unborn ones aside, when {@code sink} is not -1).
         */
        private void classify(int sink) {
            java.util.Arrays.fill(sizes, 0);
            for (int c = 0; c < bounds.calls(); c++) {
                Status status = state.status(c);
                if (status == Status.UNBORN) {
                    add(CallSet.UNBORN, c);
                    continue;
                }
                if (sink >= 0 && state.owner(c) != sink) continue;
                if (status.isFinal()) {
                    add(CallSet.FINISHED, c);
                    continue;
                }
                add(CallSet.PENDING, c);
                if (model.canSignal(state, c)) add(CallSet.SIGNALLABLE, c);
                if (!bounds.isEndless(c)) add(CallSet.ENDABLE, c);
            }
        }

        private void add(CallSet set, int call) { calls[set.ordinal()][sizes[set.ordinal()]++] = call; }
    }
}
