package org.sinkcheck.tlc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sinkcheck.model.Action;
import org.sinkcheck.model.Bounds;
import org.sinkcheck.model.EventKind;
import org.sinkcheck.model.Model;
import org.sinkcheck.model.ModelState;
import org.sinkcheck.model.RuleChecks;
import org.sinkcheck.model.StateGraph;
import org.sinkcheck.model.Status;
import org.sinkcheck.model.Violation;

/**
 * The Java predicates of {@link RuleChecks} say what the TLA+ operators say, on the states and steps
 * where it matters: broken ones.
 *
 * <p>On the reachable graph every rule holds (TLC proved it), so there RuleChecks must find nothing.
 * Off the graph, TLC itself is the judge: the test mutates real steps of the CI graph (a registry bit
 * flipped, an event appended or dropped, a status, owner or fault changed), writes the probes into a
 * generated module {@code RuleProbe} that extends CancelAll, and has TLC print, for every probe state,
 * the value of each state invariant, and for every probe step, each {@code SCnn_…Step} predicate.
 * RuleChecks must flag exactly the operators TLC evaluates to FALSE, and every compared operator must
 * be FALSE somewhere, or the comparison would have no teeth.
 *
 * <p>A probe step keeps the action of the real step it was made from: the action names the sink it
 * cancels, and the probe's {@code cancels} counts that cancel, as the spec's own step would.
 *
 * <p>Not compared: SC11, SC12 and SC16 are theorems of the abstract spec, not checks (CancelAll.tla
 * says why), and the liveness rule SC10_EveryCallEnds is about infinite behaviours
 * ({@code OperatorsCanFailTest} shows it failing on a hand-made one).
 */
@Timeout(300)
class RuleChecksAgreeWithTlaTest {
    static final List<String> STATE_INVARIANTS = List.of("SC02_OwnListenerOnly", "SC03_OneFinalLast", "SC06_NoLostCall",
            "SC10_EndlessEndOnlyByCancel", "SC13_NoRetention", "SC15_FaultReported");
    /** Step properties; TLA+ evaluates {@code <name>Step}, RuleChecks reports {@code <name>}. */
    static final List<String> STEP_PROPERTIES = List.of("SC01_ScopeAll", "SC02_NeverOthers", "SC04_SilentAfterCancel",
            "SC05_FinalIsForever", "SC07_CancelIdempotent", "SC08_FreshCallsLive", "SC15_OwnCallOnly");
    private static final int PROBES = 500;
    private static final Pattern VERDICT = Pattern.compile("^<<\"(state|step)\", (\\d+), (.*)>>$", Pattern.MULTILINE);

    private static final Bounds BOUNDS = Bounds.CI;
    private static StateGraph graph;

    @BeforeAll
    static void explore() {
        graph = StateGraph.explore(new Model(BOUNDS));
    }

    @Test
    void everyReachableStateAndStepPassesRuleChecks() {
        for (ModelState s : graph.states()) {
            List<Violation> v = RuleChecks.invariants(BOUNDS, s);
            assertTrue(v.isEmpty(), () -> v + " in reachable state " + s);
        }
        for (StateGraph.Edge e : graph.edges()) {
            List<Violation> v = RuleChecks.step(graph.state(e.from()), e.action(), graph.state(e.to()));
            assertTrue(v.isEmpty(), () -> v + " on reachable step " + e.action());
        }
    }

    @Test
    void SC01_SC02_SC03_SC04_SC05_SC06_SC07_SC08_SC10_SC13_SC15_javaPredicatesAgreeWithTlcOnMutatedSteps() throws IOException {
        List<Probe> probes = probes(new Random(20261125));
        Map<String, Boolean[]> tlc = evaluateWithTlc(probes);
        Map<String, Integer> falsified = new TreeMap<>();
        for (int i = 0; i < probes.size(); i++) {
            ModelState before = probes.get(i).before();
            ModelState after = probes.get(i).after();
            compare("state " + before, names(RuleChecks.invariants(BOUNDS, before)), tlc.get("state " + (i + 1)), STATE_INVARIANTS, falsified);
            compare("state " + after, names(RuleChecks.invariants(BOUNDS, after)), tlc.get("state " + (i + 1 + probes.size())), STATE_INVARIANTS, falsified);
            compare("step " + probes.get(i).action() + "\n  from " + before + "\n  to   " + after,
                    names(RuleChecks.step(before, probes.get(i).action(), after)),
                    tlc.get("step " + (i + 1)), STEP_PROPERTIES, falsified);
        }
        System.out.println("RuleChecks = TLA+ on " + probes.size() + " mutated steps; operators falsified: " + falsified);
        for (String name : Stream.concat(STATE_INVARIANTS.stream(), STEP_PROPERTIES.stream()).toList()) {
            assertTrue(falsified.getOrDefault(name, 0) > 0, name + " was never false on the probes: the comparison has no teeth for it");
        }
    }

    private static Set<String> names(List<Violation> violations) {
        return violations.stream().map(v -> v.operator().name()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static void compare(String where, Set<String> java, Boolean[] tla, List<String> operators, Map<String, Integer> falsified) {
        if (tla == null) fail("TLC printed no verdict for the " + where);
        assertEquals(operators.size(), tla.length);
        Set<String> tlaFalse = new TreeSet<>();
        for (int k = 0; k < operators.size(); k++) {
            if (!tla[k]) {
                tlaFalse.add(operators.get(k));
                falsified.merge(operators.get(k), 1, Integer::sum);
            }
        }
        Set<String> javaCompared = new TreeSet<>(java);
        javaCompared.retainAll(operators);
        assertEquals(tlaFalse, javaCompared, () -> "TLA+ and RuleChecks disagree on the " + where);
    }

    /** A step to judge: a real step of the graph, its states perhaps mutated; the action names the sink it cancels. */
    record Probe(ModelState before, Action action, ModelState after) {}

    /** Real steps of the CI graph, one per action kind in turn, with 0..2 mutations of the target (and sometimes the source). */
    private static List<Probe> probes(Random random) {
        Map<String, List<StateGraph.Edge>> byAction = new TreeMap<>();
        for (StateGraph.Edge e : graph.edges()) byAction.computeIfAbsent(e.action().tlaName(), k -> new ArrayList<>()).add(e);
        List<List<StateGraph.Edge>> kinds = new ArrayList<>(byAction.values());
        List<Probe> out = new ArrayList<>();
        for (int i = 0; i < PROBES; i++) {
            List<StateGraph.Edge> kind = kinds.get(i % kinds.size());
            StateGraph.Edge e = kind.get(random.nextInt(kind.size()));
            ModelState before = graph.state(e.from());
            ModelState after = graph.state(e.to());
            int mutations = random.nextInt(3);
            for (int m = 0; m < mutations; m++) after = Mutation.apply(after, before, random);
            if (random.nextInt(8) == 0) before = Mutation.apply(before, after, random);
            out.add(new Probe(before, e.action(), after));
        }
        return out;
    }

    /** One random change to a state, half the time to a call the step touched (where bugs live). */
    static final class Mutation {
        static ModelState apply(ModelState s, ModelState other, Random random) {
            int calls = s.calls();
            int sinks = s.sinks();
            List<Integer> touched = new ArrayList<>();
            for (int c = 0; c < calls; c++) if (!s.heardOf(c).equals(other.heardOf(c)) || s.status(c) != other.status(c)) touched.add(c);
            int c = !touched.isEmpty() && random.nextBoolean() ? touched.get(random.nextInt(touched.size())) : random.nextInt(calls);
            int sink = random.nextInt(sinks);
            int[] owner = new int[calls];
            Status[] status = new Status[calls];
            boolean[] faulted = new boolean[calls];
            boolean[][] registry = new boolean[sinks][calls];
            List<List<List<EventKind>>> heard = new ArrayList<>();
            for (int t = 0; t < sinks; t++) {
                List<List<EventKind>> perCall = new ArrayList<>();
                for (int d = 0; d < calls; d++) {
                    perCall.add(new ArrayList<>(s.heard(t, d)));
                    registry[t][d] = s.inRegistry(t, d);
                }
                heard.add(perCall);
            }
            for (int d = 0; d < calls; d++) {
                owner[d] = s.owner(d);
                status[d] = s.status(d);
                faulted[d] = s.faulted(d);
            }
            int target = s.owner(c) != ModelState.NO_SINK && random.nextBoolean() ? s.owner(c) : sink;
            List<EventKind> events = heard.get(target).get(c);
            switch (random.nextInt(6)) {
                case 0 -> registry[sink][c] = !registry[sink][c];
                case 1 -> events.add(EventKind.values()[random.nextInt(EventKind.values().length)]);
                case 2 -> { if (!events.isEmpty()) events.remove(events.size() - 1); }
                case 3 -> status[c] = Status.values()[random.nextInt(Status.values().length)];
                case 4 -> faulted[c] = !faulted[c];
                default -> owner[c] = random.nextInt(sinks + 1) - 1;
            }
            return ModelState.of(owner, status, heard, registry, faulted);
        }
    }

    /** Writes the probes as module RuleProbe, runs TLC, and reads its printed verdicts: "state i"/"step i" to booleans. */
    private static Map<String, Boolean[]> evaluateWithTlc(List<Probe> probes) throws IOException {
        Path folder = Path.of("target", "tlc", "rule-probe").toAbsolutePath();
        SpecFolder real = SpecFolder.locate(folder.resolveSibling("rule-probe-extracted"));
        real.copyTo(folder);
        Files.writeString(folder.resolve("RuleProbe.tla"), probeModule(probes));
        TlcConfig cfg = TlcConfig.parse(Files.readString(real.file("CancelAll.cfg")))
                .without("SPECIFICATION").without("PROPERTIES").without("VIEW")
                .with("INIT", List.of("ProbeInit")).with("NEXT", List.of("ProbeNext"))
                .with("INVARIANTS", List.of("StateVerdict")).with("ACTION_CONSTRAINTS", List.of("StepVerdict"))
                .with("CHECK_DEADLOCK", List.of("FALSE"));
        Files.writeString(folder.resolve("RuleProbe.cfg"), cfg.render());
        TlcResult result = Tlc.check(TlcRun.of("RuleProbe", "RuleProbe.cfg").withFolder(new SpecFolder(folder)));
        assertTrue(result.passed(), () -> result.report() + "\n" + result.log());
        Map<String, Boolean[]> verdicts = new HashMap<>();
        Matcher m = VERDICT.matcher(result.log());
        while (m.find()) {
            String[] values = m.group(3).split(", ");
            Boolean[] b = new Boolean[values.length];
            for (int k = 0; k < values.length; k++) b[k] = values[k].equals("TRUE");
            verdicts.put(m.group(1) + " " + m.group(2), b);
        }
        return verdicts;
    }

    private static String probeModule(List<Probe> probes) {
        StringBuilder b = new StringBuilder();
        b.append("---- MODULE RuleProbe ----\n");
        b.append("\\* Generated by RuleChecksAgreeWithTlaTest: mutated steps of the CI graph, judged by CancelAll's operators.\n");
        b.append("EXTENDS CancelAll, TLC\nVARIABLE probe\n");
        b.append("Before == <<").append(records(probes, 0)).append(">>\n");
        b.append("After == <<").append(records(probes, 1)).append(">>\n");
        b.append("N == Len(Before)\n");
        b.append("Is(p) == owner = p.owner /\\ status = p.status /\\ heard = p.heard /\\ registry = p.registry /\\ faulted = p.faulted /\\ cancels = p.cancels\n");
        b.append("ProbeInit == probe \\in 1..N /\\ Is(Before[probe])\n");
        b.append("Becomes(p) == owner' = p.owner /\\ status' = p.status /\\ heard' = p.heard /\\ registry' = p.registry /\\ faulted' = p.faulted /\\ cancels' = p.cancels\n");
        b.append("ProbeNext == probe <= N /\\ probe' = probe + N /\\ Becomes(After[probe])\n");
        b.append("StateVerdict == PrintT(<<\"state\", probe, ").append(String.join(", ", STATE_INVARIANTS)).append(">>)\n");
        b.append("StepVerdict == PrintT(<<\"step\", probe, ")
                .append(STEP_PROPERTIES.stream().map(n -> n + "Step").collect(Collectors.joining(", "))).append(">>)\n");
        return b.append("====\n").toString();
    }

    /** The probes' before (0) or after (1) states as records; after a cancel, that sink's count is one higher. */
    private static String records(List<Probe> probes, int which) {
        return probes.stream().map(p -> {
            TlaState s = CancelAllStates.tlaState(which == 0 ? p.before() : p.after());
            int cancelled = which == 0 ? -1 : RuleChecks.cancelledSink(p.before(), p.action());
            String cancels = "cancels |-> [s \\in Sinks |-> " + (cancelled < 0 ? "0"
                    : "IF s = \"" + Bounds.sinkName(cancelled) + "\" THEN 1 ELSE 0") + "]";
            return s.variables().entrySet().stream().map(e -> e.getKey() + " |-> " + e.getValue())
                    .collect(Collectors.joining(", ", "[", ", " + cancels + "]"));
        }).collect(Collectors.joining(",\n  "));
    }
}
