package org.sinkcheck.tlc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every operator that a CI configuration counts as a check can fail: for each one there is a hand-made
 * state, step or behaviour that the types allow and that TLC, with the spec's own operator, judges
 * FALSE. A check that no state can falsify (one that holds by its own definition) is no check; those
 * are THEOREMs in the specs, and no configuration lists them.
 *
 * <p>How: a generated module extends the spec with a variable {@code probe}; its initial states are
 * the hand-made "before" states, its one step from each leads to the hand-made "after" state, and an
 * invariant and an action constraint print, per probe, the value of the operator under test. States
 * are written as the spec's initial state with changes ({@code [Init0 EXCEPT !.status["c1"] = ...]}).
 * Liveness properties are shown failing on a hand-made behaviour that stays in one state for ever.
 */
@Timeout(300)
class OperatorsCanFailTest {
    private static final Pattern VERDICT = Pattern.compile("^<<\"probe\", (\\d+), (TRUE|FALSE)>>$", Pattern.MULTILINE);
    private static final String STUCK = "Stuck";

    /** A hand-made probe: {@code operator} judged on {@code before} (a state invariant) or on the step to {@code after}. */
    record Probe(String operator, String before, String after) {
        static Probe state(String operator, String state) { return new Probe(operator, state, null); }
        static Probe step(String operator, String before, String after) { return new Probe(operator, before, after); }
    }

    /** The state {@code base} with {@code changes}: {@code [base EXCEPT changes]}. */
    private static String except(String base, String changes) { return "[" + base + " EXCEPT " + changes + "]"; }

    /** SC-05's probe, the same in both specs: c1's final rewritten from completed to failed ({@code variable} holds its final). */
    private static Probe finalRewritten(String base, String variable) {
        String c1 = "!." + variable + "[\"c1\"] = ";
        return Probe.step("SC05_FinalIsForeverStep", except(base, c1 + "\"completed\""), except(base, c1 + "\"failed\""));
    }

    // ---- CancelAll.tla ----

    private static final String ABSTRACT_CONSTANTS = """
            CONSTANTS
                Sinks = {"s1", "s2"}
                Calls = {"c1", "c2", "c3"}
                Endless = {"c3"}
                MaxSignals = 2
            """;
    private static final List<String> ABSTRACT_VARIABLES = List.of("owner", "status", "heard", "registry", "faulted", "cancels");
    private static final String ABSTRACT_INIT = "[owner |-> [c \\in Calls |-> NoSink], status |-> [c \\in Calls |-> Unborn],"
            + " heard |-> [s \\in Sinks |-> [c \\in Calls |-> <<>>]], registry |-> [s \\in Sinks |-> {}],"
            + " faulted |-> [c \\in Calls |-> FALSE], cancels |-> [s \\in Sinks |-> 0]]";
    /** c1 pending on s1, c2 pending on s2. */
    private static final String TWO_PENDING = except("Init0", "!.owner[\"c1\"] = \"s1\", !.owner[\"c2\"] = \"s2\","
            + " !.status[\"c1\"] = Pending, !.status[\"c2\"] = Pending, !.registry[\"s1\"] = {\"c1\"}, !.registry[\"s2\"] = {\"c2\"}");

    private static List<Probe> abstractProbes() {
        String p = "TwoPending";
        return List.of(
                Probe.state("TypeOK", except("Init0", "!.owner[\"c1\"] = \"s9\"")),
                Probe.state("SC02_OwnListenerOnly", except(p, "!.heard[\"s2\"][\"c1\"] = <<\"object\">>")),
                Probe.state("SC03_OneFinalLast", except(p, "!.status[\"c1\"] = \"completed\", !.registry[\"s1\"] = {}")),
                Probe.state("SC06_NoLostCall", except(p, "!.registry[\"s1\"] = {}")),
                Probe.state("SC10_EndlessEndOnlyByCancel", except("Init0", "!.owner[\"c3\"] = \"s1\", !.status[\"c3\"] = \"completed\","
                        + " !.heard[\"s1\"][\"c3\"] = <<\"completed\">>")),
                Probe.state("SC13_NoRetention", except(p, "!.status[\"c1\"] = \"completed\", !.heard[\"s1\"][\"c1\"] = <<\"completed\">>")),
                Probe.state("SC15_FaultReported", except(p, "!.faulted[\"c1\"] = TRUE")),
                // a cancel of s1 that leaves its pending c1 pending
                Probe.step("SC01_ScopeAllStep", p, except(p, "!.cancels[\"s1\"] = 1")),
                // a deliver (no cancel counted, no listener failing) that cancels c1
                Probe.step("SC01_ScopeAllStep", p, except(p, "!.status[\"c1\"] = \"cancelled\", !.heard[\"s1\"][\"c1\"] = <<\"cancelled\">>,"
                        + " !.registry[\"s1\"] = {}, !.heard[\"s2\"][\"c2\"] = <<\"object\">>")),
                // a cancel of s1 that also ends c2 of s2
                Probe.step("SC02_NeverOthersStep", p, except(p, "!.cancels[\"s1\"] = 1, !.status[\"c1\"] = \"cancelled\","
                        + " !.status[\"c2\"] = \"cancelled\", !.heard[\"s1\"][\"c1\"] = <<\"cancelled\">>, !.heard[\"s2\"][\"c2\"] = <<\"cancelled\">>,"
                        + " !.registry[\"s1\"] = {}, !.registry[\"s2\"] = {}")),
                Probe.step("SC04_SilentAfterCancelStep", except(p, "!.status[\"c1\"] = \"cancelled\", !.heard[\"s1\"][\"c1\"] = <<\"cancelled\">>"),
                        except(p, "!.status[\"c1\"] = \"cancelled\", !.heard[\"s1\"][\"c1\"] = <<\"cancelled\", \"object\">>")),
                finalRewritten(p, "status"),
                // a cancel of an idle s1 that reports a fault
                Probe.step("SC07_CancelIdempotentStep", except("Init0", "!.owner[\"c1\"] = \"s2\", !.status[\"c1\"] = \"completed\""),
                        except("Init0", "!.owner[\"c1\"] = \"s2\", !.status[\"c1\"] = \"completed\", !.faulted[\"c1\"] = TRUE, !.cancels[\"s1\"] = 1")),
                Probe.step("SC08_FreshCallsLiveStep", "Init0", except("Init0", "!.owner[\"c1\"] = \"s1\", !.status[\"c1\"] = \"cancelled\"")),
                // c1's listener fails, and c2 (of another sink) is cancelled in the same step
                Probe.step("SC15_OwnCallOnlyStep", p, except(p, "!.faulted[\"c1\"] = TRUE, !.status[\"c1\"] = \"cancelled\","
                        + " !.status[\"c2\"] = \"cancelled\", !.heard[\"s2\"][\"c2\"] = <<\"cancelled\">>")));
    }

    private static final ProbedSpec ABSTRACT = new ProbedSpec("CancelAll", ABSTRACT_CONSTANTS, ABSTRACT_VARIABLES, ABSTRACT_INIT,
            Map.of("TwoPending", TWO_PENDING));

    @Test
    void everyCheckOfTheAbstractSpecIsFalseOnItsHandMadeStateOrStep() throws IOException {
        ABSTRACT.judgeEveryCheck(List.of("CancelAll.cfg", "CancelAllTwoSignals.cfg"), abstractProbes(), List.of("SC10_EveryCallEnds"),
                List.of("SC11_CancelNeverWaits", "SC12_ProviderTold", "SC16_CancelInCallbackTakesEffect", "SC09_EventsCarryTheirCall",
                        "SC14_HandlesBound"));
    }

    @Test
    void SC10_theAbstractLivenessRuleFailsOnABehaviourInWhichAPendingCallWaitsForEver() throws IOException {
        ABSTRACT.failsForEver(List.of("TwoPending"), List.of("SC10_EveryCallEnds"), "SC10_EveryCallEnds");
    }

    // ---- CancelAllAlgo.tla ----

    private static final String ALGO_CONSTANTS = """
            CONSTANTS
                Sinks = {"s1", "s2"}
                Calls = {"c1", "c2"}
                Endless = {"c2"}
                MaxSignals = 2
                Threads = {t1, t2}
                ProviderFinals = {"completed", "failed"}
                MaxIdleCancels = 1
                MaxBatch = 2
                ListenersWaitForCancel = FALSE
                T1 = t1
                T2 = t2
            """;
    private static final List<String> ALGO_VARIABLES = List.of("current", "owner", "gen", "state", "linked", "heard", "faulted",
            "idleCancels", "pc", "tcall", "tleft", "tkind", "csink", "cgen", "cmust", "cseen", "fcall");
    private static final String ALGO_INIT = "[current |-> [s \\in Sinks |-> 0], owner |-> [c \\in Calls |-> NoSink],"
            + " gen |-> [c \\in Calls |-> 0], state |-> [c \\in Calls |-> \"none\"], linked |-> [c \\in Calls |-> FALSE],"
            + " heard |-> [c \\in Calls |-> <<>>], faulted |-> [c \\in Calls |-> FALSE], idleCancels |-> [s \\in Sinks |-> 0],"
            + " pc |-> [t \\in Threads |-> \"idle\"], tcall |-> [t \\in Threads |-> NoCall], tleft |-> [t \\in Threads |-> 0], tkind |-> [t \\in Threads |-> \"none\"],"
            + " csink |-> [t \\in Threads |-> NoSink], cgen |-> [t \\in Threads |-> 0], cmust |-> [t \\in Threads |-> {}],"
            + " cseen |-> [t \\in Threads |-> {}], fcall |-> [t \\in Threads |-> NoCall]]";
    /** c1 begun (idle, linked) on s1 and c2 on s2, both in generation 0; every thread idle. */
    private static final String ALGO_TWO = except("Init0", "!.owner[\"c1\"] = \"s1\", !.owner[\"c2\"] = \"s2\", !.state[\"c1\"] = \"idle\","
            + " !.state[\"c2\"] = \"idle\", !.linked[\"c1\"] = TRUE, !.linked[\"c2\"] = TRUE");
    /** c1 and c2 both begun on s1. */
    private static final String ALGO_SAME = except("Init0", "!.owner[\"c1\"] = \"s1\", !.owner[\"c2\"] = \"s1\", !.state[\"c1\"] = \"idle\","
            + " !.state[\"c2\"] = \"idle\", !.linked[\"c1\"] = TRUE, !.linked[\"c2\"] = TRUE");

    private static List<Probe> algoProbes() {
        String two = "Two";
        String same = "Same";
        return List.of(
                Probe.state("TypeOK", except("Init0", "!.pc[T1] = \"lost\"")),
                // c1's generation is closed, c1 idle and linked, and no sweep or thread will end it
                Probe.state("SC06_NoLostCall", except(two, "!.current[\"s1\"] = 1")),
                Probe.state("SC09_SerialCallbacks", except(two, "!.state[\"c1\"] = \"busy\", !.tcall[T1] = \"c1\","
                        + " !.tcall[T2] = \"c1\", !.pc[T1] = \"callback\", !.pc[T2] = \"callback\"")),
                Probe.state("SC03_OneFinalLast", except(two, "!.state[\"c1\"] = \"completed\", !.linked[\"c1\"] = FALSE,"
                        + " !.heard[\"c1\"] = <<\"completed\", \"completed\">>")),
                // the provider reads "not cancelled" of a call whose listener's throw has already cancelled it
                Probe.state("SC12_ProviderTold", except(two, "!.tcall[T1] = \"c1\", !.pc[T1] = \"throwing\"")),
                // a completed call still linked in the open generation, its final decided by nobody about to unlink
                Probe.state("SC13_NoRetention", except(two, "!.state[\"c1\"] = \"completed\", !.heard[\"c1\"] = <<\"completed\">>")),
                Probe.state("SC15_FaultReported", except(two, "!.faulted[\"c1\"] = TRUE")),
                // T1 starts cancelling s1 and cancels c1 only, c2 of s1 stays pending
                Probe.step("SC01_ScopeAllStep", same, except(same, "!.pc[T1] = \"sweep\", !.csink[T1] = \"s1\","
                        + " !.state[\"c1\"] = \"cancelled\"")),
                // T1's close of s1 closes s2's generation too
                Probe.step("SC02_NeverOthersStep", two, except(two, "!.pc[T1] = \"sweep\", !.csink[T1] = \"s1\","
                        + " !.current[\"s1\"] = 1, !.current[\"s2\"] = 1")),
                Probe.step("SC04_SilentAfterCancelStep", except(two, "!.current[\"s1\"] = 1"),
                        except(two, "!.current[\"s1\"] = 1, !.heard[\"c1\"] = <<\"object\">>")),
                finalRewritten(two, "state"),
                // T1's cancel returns while c1, which it cancelled, has heard no final and nobody will send it
                Probe.step("SC04_InFlightStep", except(two, "!.current[\"s1\"] = 1, !.pc[T1] = \"sweep\", !.csink[T1] = \"s1\""),
                        except(two, "!.current[\"s1\"] = 1")),
                // c1 begins bound to a generation that is already closed
                Probe.step("SC08_FreshCallsLiveStep", except("Init0", "!.current[\"s1\"] = 1"),
                        except("Init0", "!.current[\"s1\"] = 1, !.owner[\"c1\"] = \"s1\", !.state[\"c1\"] = \"idle\"")),
                // the step of T1's throwing listener (c1) also closes the generation of s2's c2
                Probe.step("SC15_OwnCallOnlyStep", except(two, "!.state[\"c1\"] = \"busy\", !.tcall[T1] = \"c1\", !.pc[T1] = \"throwing\""),
                        except(two, "!.state[\"c1\"] = \"cancelled\", !.faulted[\"c1\"] = TRUE, !.fcall[T1] = \"c1\","
                                + " !.pc[T1] = \"unlink\", !.current[\"s2\"] = 1")),
                // three objects reach c1's listener in one step: no abstract step does that
                Probe.step("AbstractStep", two, except(two, "!.heard[\"c1\"] = <<\"object\", \"object\", \"object\">>")));
    }

    private static final Map<String, String> ALGO_BASES = new LinkedHashMap<>(Map.of("Two", ALGO_TWO, "Same", ALGO_SAME,
            "One", except("Init0", "!.owner[\"c1\"] = \"s1\", !.state[\"c1\"] = \"idle\", !.linked[\"c1\"] = TRUE")));

    private static final ProbedSpec ALGO = new ProbedSpec("CancelAllAlgo", ALGO_CONSTANTS, ALGO_VARIABLES, ALGO_INIT, ALGO_BASES);

    @Test
    void everyCheckOfTheAlgorithmIsFalseOnItsHandMadeStateOrStep() throws IOException {
        ALGO.judgeEveryCheck(List.of("CancelAllAlgo.cfg", "CancelAllAlgoSinks.cfg", "CancelAllAlgoWaits.cfg", "CancelAllAlgoLive.cfg"),
                algoProbes(), List.of("SC10_EveryCallEnds", "Refinement"), List.of());
    }

    @Test
    void SC10_theRefinementAndTheAlgorithmsLivenessRuleFailOnABehaviourInWhichABegunCallWaitsForEver() throws IOException {
        // from the initial state, c1 begins on s1 (an abstract Begin), and then nothing happens any more
        ALGO.failsForEver(List.of("Init0", "One"), List.of("Refinement", "SC10_EveryCallEnds"), "Refinement and SC10_EveryCallEnds");
    }

    // ---- the harness ----

    /** A spec as the probes see it: its module, the constants they check it with, its variables and the states they start from. */
    record ProbedSpec(String module, String constants, List<String> variables, String init, Map<String, String> bases) {

        /** Every check of {@code configs} has a probe (see {@link #assertEveryCheckIsProbed}), and TLC judges each one FALSE. */
        void judgeEveryCheck(List<String> configs, List<Probe> probes, List<String> temporal, List<String> theorems) throws IOException {
            assertEveryCheckIsProbed(configs, probes, temporal, theorems);
            judge(this, probes);
        }

        /** TLC finds the behaviour through {@code states}, stuck in the last for ever, to violate {@code properties}, named {@code named}. */
        void failsForEver(List<String> states, List<String> properties, String named) throws IOException {
            TlcResult result = behaviour(this, states, properties);
            assertEquals(Optional.of(named), result.violatedName(), result::report);
        }
    }

    /**
     * Every invariant and property the configurations list has a probe ({@code [][X]_vars} as
     * {@code XStep}; AbstractSafety as AbstractStep), but for the liveness ones {@code temporal} that the
     * behaviour tests cover; and no theorem is listed as a check.
     */
    private static void assertEveryCheckIsProbed(List<String> configs, List<Probe> probes, List<String> temporal,
                                                 List<String> theorems) throws IOException {
        SpecFolder specs = SpecFolder.locate(Path.of("target", "tlc", "operators-extracted"));
        Set<String> checks = new TreeSet<>();
        for (String cfg : configs) {
            TlcConfig config = TlcConfig.parse(Files.readString(specs.file(cfg)));
            checks.addAll(config.invariants());
            checks.addAll(config.properties());
        }
        Set<String> probed = new TreeSet<>(temporal);
        for (Probe p : probes) {
            probed.add(p.operator().equals("AbstractStep") ? "AbstractSafety" : p.operator().replaceAll("Step$", ""));
        }
        assertEquals(checks, probed, "the checks of " + configs + " and the operators with a hand-made probe");
        for (String theorem : theorems) {
            assertFalse(checks.contains(theorem), theorem + " holds by definition and must not count as a check");
        }
    }

    /** Has TLC evaluate each probe's operator and asserts that every one is FALSE. */
    private static void judge(ProbedSpec spec, List<Probe> probes) throws IOException {
        String module = spec.module();
        StringBuilder m = header(spec);
        m.append("Before == <<").append(String.join(",\n  ", probes.stream().map(Probe::before).toList())).append(">>\n");
        m.append("After == <<").append(String.join(",\n  ", probes.stream().map(p -> p.after() == null ? p.before() : p.after()).toList()))
                .append(">>\n");
        m.append("N == Len(Before)\n");
        m.append("ProbeInit == probe \\in 1..N /\\ Is(Before[probe])\n");
        m.append("ProbeNext == probe <= N /\\ probe' = probe + N /\\ Becomes(After[probe])\n");
        StringBuilder stateCases = new StringBuilder();
        StringBuilder stepCases = new StringBuilder();
        for (int i = 0; i < probes.size(); i++) {
            StringBuilder cases = probes.get(i).after() == null ? stateCases : stepCases;
            cases.append(cases.length() == 0 ? "CASE " : " [] ").append("probe = ").append(i + 1).append(" -> ").append(probes.get(i).operator());
        }
        // each probe prints once: a state probe from the invariant, a step probe from the action constraint
        m.append("StateVerdict == probe \\in {").append(indexes(probes, true)).append("} => PrintT(<<\"probe\", probe, ")
                .append(stateCases).append(">>)\n");
        m.append("StepVerdict == probe \\in {").append(indexes(probes, false)).append("} => PrintT(<<\"probe\", probe, ")
                .append(stepCases).append(">>)\n====\n");
        String cfg = spec.constants() + "INIT ProbeInit\nNEXT ProbeNext\nINVARIANT StateVerdict\nACTION_CONSTRAINT StepVerdict\nCHECK_DEADLOCK FALSE\n";
        TlcResult result = run(module + "Probe", m.toString(), cfg);
        assertTrue(result.passed(), () -> result.report() + "\n" + result.log());
        Map<Integer, String> verdicts = new LinkedHashMap<>();
        Matcher v = VERDICT.matcher(result.log());
        while (v.find()) verdicts.put(Integer.parseInt(v.group(1)), v.group(2));
        List<String> survived = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            String verdict = verdicts.get(i + 1);
            if (!"FALSE".equals(verdict)) survived.add(probes.get(i).operator() + " (probe " + (i + 1) + "): " + verdict);
        }
        System.out.println("Hand-made probes of " + module + ": " + (probes.size() - survived.size()) + " of " + probes.size()
                + " judged FALSE by TLC with the spec's own operator");
        assertTrue(survived.isEmpty(), () -> "operators not falsified by their hand-made probe: " + survived + "\n" + m);
    }

    private static String indexes(List<Probe> probes, boolean states) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) if ((probes.get(i).after() == null) == states) out.add(Integer.toString(i + 1));
        return String.join(", ", out);
    }

    /** Has TLC check {@code properties} on the behaviour through {@code states} that then stays in the last for ever. */
    private static TlcResult behaviour(ProbedSpec spec, List<String> states, List<String> properties) throws IOException {
        StringBuilder m = header(spec);
        m.append("Path == <<").append(String.join(", ", states)).append(">>\n");
        m.append("StuckSpec == probe = 1 /\\ Is(Path[1])\n")
                .append("    /\\ [][probe < Len(Path) /\\ probe' = probe + 1 /\\ Becomes(Path[probe + 1])]_<<probe, vars>>\n====\n");
        String cfg = spec.constants() + "SPECIFICATION StuckSpec\nCHECK_DEADLOCK FALSE\nPROPERTIES\n    " + String.join("\n    ", properties) + "\n";
        TlcResult result = run(spec.module() + STUCK, m.toString(), cfg);
        System.out.println(result.report());
        assertEquals(TlcResult.Kind.TEMPORAL_PROPERTY, result.kind(), result::report);
        assertTrue(result.readableCounterexample().endsWith("then nothing happens any more, forever (stuttering)"), result::report);
        return result;
    }

    private static StringBuilder header(ProbedSpec spec) {
        String module = spec.module();
        List<String> variables = spec.variables();
        StringBuilder m = new StringBuilder();
        m.append("---- MODULE ").append(module).append("Probe ----\n");
        m.append("\\* Generated by OperatorsCanFailTest: hand-made states and steps, judged by ").append(module).append("'s operators.\n");
        m.append("EXTENDS ").append(module).append(", TLC\n");
        if (module.equals("CancelAllAlgo")) m.append("CONSTANTS T1, T2   \\* two of the model values of Threads\n");
        m.append("VARIABLE probe\n");
        m.append("Init0 == ").append(spec.init()).append('\n');
        spec.bases().forEach((name, value) -> m.append(name).append(" == ").append(value).append('\n'));
        m.append("Is(p) == ").append(String.join(" /\\ ", variables.stream().map(v -> v + " = p." + v).toList())).append('\n');
        m.append("Becomes(p) == ").append(String.join(" /\\ ", variables.stream().map(v -> v + "' = p." + v).toList())).append('\n');
        return m;
    }

    /** Writes {@code name}.tla and .cfg beside a copy of the specs and model-checks them. */
    private static TlcResult run(String name, String module, String cfg) throws IOException {
        String moduleName = name.endsWith(STUCK) ? name.replace(STUCK, "Probe") : name;
        Path folder = Path.of("target", "tlc", "operators-" + name).toAbsolutePath();
        SpecFolder.locate(folder.resolveSibling("operators-extracted")).copyTo(folder);
        Files.writeString(folder.resolve(moduleName + ".tla"), module);
        Files.writeString(folder.resolve(name + ".cfg"), cfg);
        return Tlc.check(TlcRun.of(moduleName, name + ".cfg").withFolder(new SpecFolder(folder)));
    }
}
