package org.sinkcheck.kit.run;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.sinkcheck.kit.Capability;
import org.sinkcheck.kit.SinkAdapter;
import org.sinkcheck.model.Action;
import org.sinkcheck.model.Bounds;
import org.sinkcheck.model.Model;
import org.sinkcheck.model.ModelState;
import org.sinkcheck.model.StateGraph;
import org.sinkcheck.model.Violation;
import org.sinkcheck.rules.Rule;

/**
 * The conformance kit's engine: checks one author's sink, through its {@link SinkAdapter}, against the
 * executable model of CancelAll.tla (which is proven equal to TLC's state graph).
 *
 * <ol>
 * <li><b>Exhaustive replay.</b> Every path of {@link StateGraph#edgeCoverPaths()} at
 *     {@link Options#replayBounds()} — together they take every edge of the graph — is played on fresh
 *     sinks, comparing each step with the model ({@code Run}). Each path that passes is played again
 *     with listeners that throw from every final callback, which must change nothing but the errors
 *     reported (SC-15).</li>
 * <li><b>Random walks.</b> Seeded walks over more sinks and calls ({@link Options#walkBounds()}),
 *     each action drawn from those the model enables.</li>
 * <li><b>Shrinking.</b> The shortest failing behaviour found per rule is shrunk by delta debugging to a
 *     1-minimal one before it is reported.</li>
 * </ol>
 *
 * The result has one row per rule: FAIL with its counterexample; for a rule needing a capability the
 * adapter does not declare, NOT APPLICABLE with its reason — or, for a MUST rule whose <em>promise</em> is
 * missing, NOT PROMISED (which fails) or WAIVED (the user waived it by id, {@link Waivers}); STRESS TIER
 * for what only interleavings can break; PASS with the number of steps that exercised it — or UNTESTED if
 * none did, which is never a pass.
 */
public final class Conformance {
    private Conformance() {}

    /** Runs the kit on {@code adapter} with the budget of {@link Options#fromSystemProperties()}. */
    public static ConformanceReport run(SinkAdapter<?, ?> adapter) {
        return run(adapter, Options.fromSystemProperties());
    }

    /** Runs the kit on {@code adapter}, no rule waived, silently. Never calls {@code System.exit}; the report says what held. */
    public static ConformanceReport run(SinkAdapter<?, ?> adapter, Options options) {
        return run(adapter, options, Waivers.none(), RunProgress.silent());
    }

    /**
     * Runs the kit on {@code adapter} with {@code waivers}: the MUST rules it does not promise that the user
     * accepts (WAIVED instead of NOT PROMISED). {@code progress} hears where a long run is, a line at a time:
     * its stage, paths and walks done, elapsed, every {@link RunProgress#EVERY} once a stage ran that long.
     *
     * @throws IllegalArgumentException before anything runs, if a waiver waives nothing ({@link Waivers#checkAgainst})
     */
    public static ConformanceReport run(SinkAdapter<?, ?> adapter, Options options, Waivers waivers, Consumer<String> progress) {
        return run(adapter, options, waivers, RunProgress.to(progress));
    }

    /** As above, the progress on the clock and at the rate of {@code progress}. */
    public static ConformanceReport run(SinkAdapter<?, ?> adapter, Options options, Waivers waivers, RunProgress progress) {
        return run(adapter, options, waivers, Deviations.none(), progress);
    }

    /**
     * As above, playing past {@code deviations}: the rules the user declares the sink breaks by design are
     * still FAIL, with the declared reason, and the kit explores what lies past each deviating step.
     */
    public static ConformanceReport run(SinkAdapter<?, ?> adapter, Options options, Waivers waivers, Deviations deviations,
                                        RunProgress progress) {
        return new Session(adapter, options, waivers, deviations, progress).run();
    }

    /**
     * The replay set of one set of bounds, computed once per JVM: exploring the graph costs more than
     * replaying it on a fast sink, and the kill test checks dozens of sinks.
     */
    private record ReplaySet(StateGraph graph, List<List<Action>> paths, List<List<ModelState>> states, List<int[]> edgeIds,
                             Map<StateGraph.Edge, Integer> edgeIndex) {
        private static final Map<Bounds, ReplaySet> CACHE = new ConcurrentHashMap<>();

        static ReplaySet of(Bounds bounds) {
            return CACHE.computeIfAbsent(bounds, b -> {
                StateGraph graph = StateGraph.explore(new Model(b));
                Map<StateGraph.Edge, Integer> edgeIndex = new HashMap<>();
                for (int i = 0; i < graph.edgeCount(); i++) edgeIndex.put(graph.edges().get(i), i);
                List<List<Action>> paths = graph.edgeCoverPaths();
                List<List<ModelState>> states = new ArrayList<>(paths.size());
                List<int[]> edgeIds = new ArrayList<>(paths.size());
                for (List<Action> path : paths) {
                    List<ModelState> after = new ArrayList<>(path.size());
                    int[] ids = new int[path.size()];
                    int at = 0;
                    for (int i = 0; i < path.size(); i++) {
                        int to = graph.successor(at, path.get(i));
                        ids[i] = edgeIndex.get(new StateGraph.Edge(at, path.get(i), to));
                        after.add(graph.state(to));
                        at = to;
                    }
                    states.add(List.copyOf(after));
                    edgeIds.add(ids);
                }
                return new ReplaySet(graph, paths, List.copyOf(states), List.copyOf(edgeIds), edgeIndex);
            });
        }

        /**
         * Path {@code p} as a sink with {@code capabilities} can play it: whole if it can play every
         * action; else without the actions it cannot play, cut where the rest stops being a behaviour
         * of the model (so a sink without progress still gets every behaviour that needs none).
         */
        Playable playable(int p, Set<Capability> capabilities) {
            List<Action> path = paths.get(p);
            if (path.stream().allMatch(a -> Run.supports(a, capabilities))) {
                return new Playable(path, states.get(p), edgeIds.get(p));
            }
            List<Action> kept = new ArrayList<>();
            List<ModelState> after = new ArrayList<>();
            List<Integer> ids = new ArrayList<>();
            int at = 0;
            for (Action action : path) {
                if (!Run.supports(action, capabilities)) continue;
                int to = graph.successor(at, action);
                if (to < 0) break;
                ids.add(edgeIndex.get(new StateGraph.Edge(at, action, to)));
                kept.add(action);
                after.add(graph.state(to));
                at = to;
            }
            return new Playable(kept, after, ids.stream().mapToInt(Integer::intValue).toArray());
        }

        /**
         * The edges a sink with {@code capabilities} can reach: from the initial state, through the actions it
         * can play, every edge it can play of every state so reached.
         */
        BitSet reachable(Set<Capability> capabilities) {
            BitSet reached = new BitSet(graph.edgeCount());
            boolean[] seen = new boolean[graph.stateCount()];
            ArrayDeque<Integer> todo = new ArrayDeque<>(List.of(0));
            seen[0] = true;
            while (!todo.isEmpty()) {
                for (StateGraph.Edge edge : graph.edgesFrom(todo.pop())) {
                    if (!Run.supports(edge.action(), capabilities)) continue;
                    reached.set(edgeIndex.get(edge));
                    if (!seen[edge.to()]) {
                        seen[edge.to()] = true;
                        todo.push(edge.to());
                    }
                }
            }
            return reached;
        }

        /** The distinct actions on {@code edges}. */
        int actions(BitSet edges) {
            Set<Action> actions = new HashSet<>();
            for (int e = edges.nextSetBit(0); e >= 0; e = edges.nextSetBit(e + 1)) actions.add(graph.edges().get(e).action());
            return actions.size();
        }
    }

    /** One behaviour to replay, with the model's state and the graph's edge after each action. */
    private record Playable(List<Action> actions, List<ModelState> states, int[] edgeIds) {
        void markCovered(int steps, BitSet covered) {
            for (int i = 0; i < steps; i++) covered.set(edgeIds[i]);
        }
    }

    /** A failing behaviour waiting to be shrunk: the shortest one seen per rule. */
    private record Candidate(Violation violation, List<Action> actions, Model model, Setup setup,
                             String origin, Long seed) {}

    /**
     * How many of the replay's paths end judging reachability (SC-13), evenly spread: each check costs a garbage
     * collection, so not every path; every walk does too (docs/measurements/kit-budget-2026-12-02.md).
     */
    static final int REACHABILITY_PATHS = 16;

    private static final class Session {
        private final SinkAdapter<?, ?> adapter;
        private final Options options;
        private final Waivers waivers;
        private final Deviations deviations;
        private final RunProgress progress;
        private RunProgress.Tracker tracker;
        private Coverage.Tally coverage;
        private final Set<Capability> capabilities;
        private final long[] tally = new long[Rule.values().length];
        private final Map<Rule, Candidate> candidates = new EnumMap<>(Rule.class);
        /** Where the time went ({@link ConformanceReport.Timings}). */
        private long replayNanos;
        private long walkNanos;
        private final long[] phaseNanos = new long[RandomWalk.Phase.values().length];
        private final long[] phaseActions = new long[RandomWalk.Phase.values().length];
        private long shrinkNanos;
        private long reachabilityNanos;
        private int reachabilityChecks;
        /** How long this run's reachability checks may wait for a sink's own threads, in all. */
        private final Reachability.Patience patience = Reachability.Patience.perRun();
        /** The runs whose disposing of a sink threw, and the first such error. */
        private long disposeErrors;
        private String firstDisposeError;

        Session(SinkAdapter<?, ?> adapter, Options options, Waivers waivers, Deviations deviations, RunProgress progress) {
            this.adapter = adapter;
            this.options = options;
            this.waivers = waivers;
            this.deviations = deviations;
            this.progress = progress;
            Set<Capability> declared = adapter.capabilities();
            this.capabilities = declared == null || declared.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(declared);
            waivers.checkAgainst(capabilities);
        }

        ConformanceReport run() {
            long start = System.nanoTime();
            ReplaySet replay = ReplaySet.of(options.replayBounds());
            StateGraph graph = replay.graph();
            Model replayModel = graph.model();
            List<List<Action>> paths = replay.paths();
            BitSet covered = new BitSet(graph.edgeCount());
            long replaySteps = 0;
            int replayed = 0;
            Set<List<Action>> seen = new HashSet<>();
            tracker = progress.track(paths.size(), options.walks());
            int reachabilityStride = Math.max(1, paths.size() / REACHABILITY_PATHS);
            coverage = new Coverage.Tally(capabilities);
            for (int p = 0; p < paths.size(); p++) {
                tracker.paths(p);
                Playable playable = replay.playable(p, capabilities);
                List<Action> path = playable.actions();
                if (path.isEmpty() || !seen.add(path)) continue;
                replayed++;
                String origin = "edge-cover path " + (p + 1) + " of " + paths.size();
                List<ModelState> states = playable.states();
                Setup plain = p % reachabilityStride == reachabilityStride - 1 ? Setup.PLAIN.judgingReachability() : Setup.PLAIN;
                Run.Outcome quiet = play(replayModel, path, states, plain, tally);
                coverage.played(replayModel, path, states, quiet, false);
                replaySteps += quiet.steps();
                // past a deviation the path's edges are not the ones played: covered only up to the first
                playable.markCovered(quiet.deviations().stream().mapToInt(Run.Deviated::steps).min().orElse(quiet.steps()), covered);
                offerDeviations(quiet, path, replayModel, plain, origin, null);
                if (!quiet.violations().isEmpty()) {
                    offer(quiet.violations(), path.subList(0, quiet.steps()), replayModel, plain, origin, null);
                    continue;
                }
                Setup throwing = Setup.PLAIN.throwing(true);
                Run.Outcome loud = play(replayModel, path, states, throwing, tally);
                coverage.played(replayModel, path, states, loud, true);
                replaySteps += loud.steps();
                if (!loud.violations().isEmpty()) {
                    offer(List.of(Attribution.onlyWithThrowingFinals(loud.violations().get(0))),
                            path.subList(0, loud.steps()), replayModel, throwing, origin + throwing.describe(), null);
                }
            }
            replayNanos = System.nanoTime() - start;
            long walksBegan = System.nanoTime();
            long walkActions = walk();
            walkNanos = System.nanoTime() - walksBegan;
            long shrinksBegan = System.nanoTime();
            Map<Rule, Counterexample> shrunk = shrinkAll();
            shrinkNanos = System.nanoTime() - shrinksBegan;
            ConformanceReport.Counts counts = new ConformanceReport.Counts(graph.stateCount(), graph.edgeCount(),
                    covered.cardinality(), replayed, replaySteps, options.walks(), walkActions, options.seed(),
                    describe(options.walkBounds()), (System.nanoTime() - start) / 1_000_000);
            BitSet reachable = replay.reachable(capabilities);
            Coverage covers = coverage.coverage(graph.edgeCount(), reachable.cardinality(), covered.cardinality(),
                    replay.actions(everyEdge(graph)), replay.actions(reachable), replay.actions(covered));
            Map<String, ConformanceReport.PhaseTime> phases = new LinkedHashMap<>();   // in the phases' order
            for (RandomWalk.Phase phase : RandomWalk.Phase.values()) {
                phases.put(phase.name().toLowerCase(Locale.ROOT),
                        new ConformanceReport.PhaseTime(phaseActions[phase.ordinal()], phaseNanos[phase.ordinal()] / 1_000_000));
            }
            ConformanceReport.Timings timings = new ConformanceReport.Timings(replayNanos / 1_000_000, walkNanos / 1_000_000,
                    Collections.unmodifiableMap(phases), shrinkNanos / 1_000_000, reachabilityChecks, reachabilityNanos / 1_000_000);
            return new ConformanceReport(adapter.name(), rows(shrunk), counts, notes(), waivers, deviations, covers, timings);
        }

        private static BitSet everyEdge(StateGraph graph) {
            BitSet all = new BitSet(graph.edgeCount());
            all.set(0, graph.edgeCount());
            return all;
        }

        private long walk() {
            Model model = new Model(options.walkBounds());
            long actions = 0;
            tracker.walksBegin();
            for (int i = 0; i < options.walks(); i++) {
                tracker.walks(i);
                long seed = options.seed() + i;
                Setup setup = walkSetup(seed);
                RandomWalk.Phased phased = RandomWalk.generatePhased(model, capabilities, seed, options.walkLength());
                List<Action> walk = phased.actions();
                long[] stepNanos = new long[walk.size()];
                Run.Outcome outcome = play(model, walk, null, setup, tally, stepNanos);
                for (int a = 0; a < outcome.steps(); a++) {
                    int phase = phased.phases().get(a).ordinal();
                    phaseNanos[phase] += stepNanos[a];
                    phaseActions[phase]++;
                }
                coverage.played(model, walk, null, outcome, setup.throwFromFinals());
                actions += outcome.steps();
                String origin = "random walk, seed " + seed + setup.describe()
                        + " (reproduce: " + options.reproduceWalk(seed) + ")";
                offerDeviations(outcome, walk, model, setup, origin, seed);
                if (outcome.violations().isEmpty()) continue;
                List<Action> prefix = walk.subList(0, outcome.steps());
                Setup quietly = setup.throwing(false);
                Run.Outcome quiet = setup.throwFromFinals() ? play(model, prefix, null, quietly, null) : outcome;
                if (!quiet.violations().isEmpty()) {
                    offer(quiet.violations(), prefix.subList(0, quiet.steps()), model, quietly, origin, seed);
                } else {
                    offer(List.of(Attribution.onlyWithThrowingFinals(outcome.violations().get(0))), prefix, model, setup, origin, seed);
                }
            }
            return actions;
        }

        /**
         * Walk {@code seed}'s setup, by the seed's three lowest bits: throwing finals, shared listeners (else one context
         * object for several calls: two setups that both play with what the listener hears of whom, kept apart so that
         * a difference names one of them), a signal after each cancel; every walk ends judging reachability (SC-13).
         */
        private static Setup walkSetup(long seed) {
            return new Setup((seed & 1) == 1, (seed & 2) != 0, (seed & 4) != 0, (seed & 2) == 0, true);
        }

        /** Each declared deviation the behaviour played past, as a candidate of its rule: the actions up to where it showed. */
        private void offerDeviations(Run.Outcome outcome, List<Action> actions, Model model, Setup setup, String origin, Long seed) {
            for (Run.Deviated d : outcome.deviations()) offer(List.of(d.violation()), actions.subList(0, d.steps()), model, setup, origin, seed);
        }

        private void offer(List<Violation> found, List<Action> actions, Model model, Setup setup, String origin, Long seed) {
            for (Violation d : found) {
                Candidate best = candidates.get(d.rule());
                if (best == null || actions.size() < best.actions().size()) {
                    // only SC-13's shrinks pay a collection each: another rule's difference shows without it
                    Setup shrinkWith = d.rule() == Rule.SC13 ? setup : setup.judgingReachability(false);
                    candidates.put(d.rule(), new Candidate(d, List.copyOf(actions), model, shrinkWith, origin, seed));
                }
            }
        }

        private Map<Rule, Counterexample> shrinkAll() {
            Map<Rule, Counterexample> out = new EnumMap<>(Rule.class);
            candidates.forEach((rule, c) -> {
                Shrinker shrinker = new Shrinker(c.model(), actions -> broken(actions, c.model(), c.setup()).contains(rule),
                        options.shrinkBudget(), progress.shrinking(rule.id()));
                List<Action> small = shrinker.shrink(c.actions());
                Run.Outcome quiet = play(c.model(), small, null, c.setup().throwing(false), null);
                Violation d = violationOf(small, c, rule, quiet).orElse(c.violation());
                out.put(rule, Counterexample.of(d, described(small, quiet), c.origin(), c.seed(), c.actions().size()));
            });
            return out;
        }

        /** The rules {@code actions} breaks: quietly, or (when asked) only once listeners throw from finals. */
        private Set<Rule> broken(List<Action> actions, Model model, Setup setup) {
            Run.Outcome quiet = play(model, actions, null, setup.throwing(false), null);
            if (!quiet.passed() || !setup.throwFromFinals()) return quiet.broken();
            return play(model, actions, null, setup, null).passed() ? Set.of() : Set.of(Rule.SC15);
        }

        /** The difference the shrunk behaviour ends in, described afresh (its details name its own steps). */
        private Optional<Violation> violationOf(List<Action> actions, Candidate c, Rule rule, Run.Outcome quiet) {
            Optional<Violation> direct = Stream.concat(quiet.violations().stream(), quiet.deviations().stream().map(Run.Deviated::violation))
                    .filter(d -> d.rule() == rule).findFirst();
            if (direct.isPresent() || !c.setup().throwFromFinals()) return direct;
            return play(c.model(), actions, null, c.setup(), null).violations().stream().findFirst()
                    .map(Attribution::onlyWithThrowingFinals);
        }

        /**
         * The actions as a counterexample prints them; past a declared deviation each says what the kit did
         * with it: where it went on after the deviating step, and which actions it did not play.
         */
        private static List<String> described(List<Action> actions, Run.Outcome played) {
            List<String> out = new ArrayList<>(actions.size());
            for (int i = 0; i < actions.size(); i++) {
                StringBuilder a = new StringBuilder(actions.get(i).toString());
                Integer sharedWith = actions.get(i) instanceof Action.Begin begin ? played.sharedContexts().get(begin.call()) : null;
                if (sharedWith != null) a.append("   (with the very context object of ").append(Bounds.callName(sharedWith)).append(")");
                if (played.skipped().get(i)) a.append("   (not played: past the deviation the model does not enable it)");
                for (Run.Deviated d : played.deviations()) {
                    if (d.steps() != i + 1) continue;
                    a.append("   (").append(d.violation().rule().id()).append(", a declared deviation: the kit went on from the model's state")
                            .append(d.resumedAfter() == null ? "" : " after " + d.resumedAfter()).append(")");
                }
                out.add(a.toString());
            }
            return out;
        }

        /** Every behaviour the session plays goes through here: the settle budget is the options', a dispose that throws is noted. */
        private Run.Outcome play(Model model, List<Action> actions, List<ModelState> states, Setup setup, long[] tally) {
            return play(model, actions, states, setup, tally, null);
        }

        private Run.Outcome play(Model model, List<Action> actions, List<ModelState> states, Setup setup, long[] tally, long[] stepNanos) {
            Run.Outcome outcome = Run.play(adapter, model, actions, states, setup, options.settleBudget(), deviations, tally, stepNanos, patience);
            if (outcome.disposeError() != null && disposeErrors++ == 0) firstDisposeError = outcome.disposeError();
            if (outcome.reachabilityNanos() > 0) {
                reachabilityNanos += outcome.reachabilityNanos();
                reachabilityChecks++;
            }
            return outcome;
        }

        private List<ConformanceReport.Row> rows(Map<Rule, Counterexample> failures) {
            List<ConformanceReport.Row> rows = new ArrayList<>();
            for (Rule rule : Rule.values()) {
                Optional<Capability> missing = Capability.missing(rule, capabilities);
                // What only interleavings break is the catalogue's to say (Operator.concurrency()).
                Optional<String> concurrent = rule.concurrentPart();
                boolean concurrentPart = concurrent.isPresent();
                if (failures.containsKey(rule)) {
                    // before N/A: a rule broken in a way the kit could see is never hidden behind a missing capability
                    String detail = deviations.of(rule).map(d -> Deviations.describe(d) + "; ").orElse("") + failures.get(rule).detail();
                    rows.add(new ConformanceReport.Row(rule, Verdict.FAIL, detail, failures.get(rule), concurrentPart));
                } else if (missing.isPresent()) {
                    rows.add(notChecked(rule, missing.get()));
                } else if (rule.concurrentOnly()) {
                    rows.add(new ConformanceReport.Row(rule, Verdict.STRESS_TIER,
                            concurrent.orElseThrow() + "; checked by the stress tier", null, true));
                } else if (tally[rule.ordinal()] == 0) {
                    rows.add(new ConformanceReport.Row(rule, Verdict.UNTESTED, "no replayed step exercised it", null, concurrentPart));
                } else {
                    String evidence = "held in " + tally[rule.ordinal()] + " steps"
                            + concurrent.map(part -> "; " + part + ": stress tier").orElse("");
                    rows.add(new ConformanceReport.Row(rule, Verdict.PASS, evidence, null, concurrentPart));
                }
            }
            return rows;
        }

        private List<String> notes() {
            List<String> notes = new ArrayList<>();
            if (disposeErrors > 0) {
                notes.add(adapter.name() + ".dispose threw in " + disposeErrors + " run(s), first: " + firstDisposeError
                        + " (the verdicts above do not depend on it)");
            }
            for (Capability cap : Capability.of(Capability.Kind.CAN_DO)) {
                if (!capabilities.contains(cap)) notes.add(cap.reason() + ": those actions are not played");
            }
            return notes;
        }

        /** A rule not checked for want of {@code missing}: N/A, or, for a MUST rule's promise, NOT PROMISED or WAIVED. */
        private ConformanceReport.Row notChecked(Rule rule, Capability missing) {
            String why = missing.reason() + " (" + missing.kind().label() + " capability " + missing + " not declared)";
            if (!Waivers.unpromised(rule, missing)) return new ConformanceReport.Row(rule, Verdict.NOT_APPLICABLE, why, null, false);
            return waivers.by(rule)
                    .map(who -> new ConformanceReport.Row(rule, Verdict.WAIVED, "waived by " + who + ": " + why, null, false))
                    .orElseGet(() -> new ConformanceReport.Row(rule, Verdict.NOT_PROMISED,
                            why + "; a MUST rule: declare " + missing + " if the sink keeps it, or waive " + rule.id() + " by id", null, false));
        }

        private static String describe(Bounds b) {
            return b.sinks() + " sinks, " + b.calls() + " calls (" + b.endless().size() + " endless), "
                    + b.maxSignals() + " signals per call";
        }
    }
}
