package org.sinkcheck.kit.junit;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestReporter;
import org.sinkcheck.kit.SinkAdapter;
import org.sinkcheck.kit.run.Conformance;
import org.sinkcheck.kit.run.ConformanceReport;
import org.sinkcheck.kit.run.Counterexample;
import org.sinkcheck.kit.run.Options;
import org.sinkcheck.kit.run.VerdictCounts;
import org.sinkcheck.kit.run.Waivers;
import org.sinkcheck.rules.Rule;

/**
 * The class a library author extends to check their sink, the way the Reactive Streams TCK's
 * {@code PublisherVerification} is extended: supply {@link #adapter()}, and JUnit runs one test per
 * rule, named by its id ({@code required_SC01_…}: every rule is a MUST). The kit runs once per class
 * ({@link Conformance}); each test reads its rule's row.
 *
 * <ul>
 * <li>PASS: the test passes. PASS+ (the rule's sequential part held; its concurrent part is the stress
 *     tier's, which this class never runs): the test passes too, and its report entry says PASS+ and why.
 *     Every test publishes its rule's verdict and evidence as a JUnit report entry keyed by the rule's id.</li>
 * <li>FAIL: the test fails; the message names the rule, its TLA+ operator and the shrunk counterexample.</li>
 * <li>NOT APPLICABLE (something the adapter cannot observe) and STRESS TIER (only interleavings can
 *     break it): the test is skipped through a JUnit assumption whose message is the reason.</li>
 * <li>NOT PROMISED (a MUST rule whose promise the adapter does not declare): the test fails — no silent
 *     opt-out — unless the class waives the rule by id with {@link Waive}; then it is WAIVED, skipped with
 *     a message naming the class that waived it.</li>
 * <li>UNTESTED (nothing exercised it): the test fails — an unexercised rule is never a pass.</li>
 * </ul>
 *
 * The test methods are {@code final}: a subclass cannot quietly override a required test away (the
 * weakness the Reactive Streams TCK is known for). The budget comes from {@link #options()}, by default
 * {@code -Dsinkcheck.budget=ci|extended} and {@code -Dsinkcheck.seed}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SinkVerification {

    private ConformanceReport report;
    /** Where the running test's verdict goes: JUnit's report entries, or standard output outside JUnit. */
    private TestReporter reporter = SinkVerification::print;

    /** The adapter of the sink under test. */
    protected abstract SinkAdapter<?, ?> adapter();

    /** How much the kit does; override to fix a budget in code. */
    protected Options options() { return Options.fromSystemProperties(); }

    /** Runs the kit once for the whole class, with the rules the class waives ({@link Waive}), and prints the table. */
    @BeforeAll
    public final void runConformance() {
        report = Conformance.run(adapter(), options(), waivers(), System.out::println);
        System.out.println(report.table());
    }

    /** The running test's reporter, to which it publishes its rule's verdict. */
    @BeforeEach
    public final void reportTo(TestReporter testReporter) {
        this.reporter = testReporter;
    }

    private static void print(Map<String, String> entries) {
        entries.forEach((key, value) -> System.out.println(key + ": " + value));
    }

    /** The {@link Waive} on this class or the nearest superclass, with that class as who waived. */
    private Waivers waivers() {
        for (Class<?> c = getClass(); c != null; c = c.getSuperclass()) {
            Waive waive = c.getDeclaredAnnotation(Waive.class);
            if (waive != null) return Waivers.of("@Waive on " + c.getName(), List.of(waive.value()));
        }
        return Waivers.none();
    }

    /** The report the tests read, for authors who want to assert more. */
    protected final ConformanceReport report() {
        if (report == null) runConformance();
        return report;
    }

    @Test public final void required_SC01_scopeAll() { verify(Rule.SC01); }

    @Test public final void required_SC02_neverOthers() { verify(Rule.SC02); }

    @Test public final void required_SC03_oneFinalLast() { verify(Rule.SC03); }

    @Test public final void required_SC04_silentAfterCancel() { verify(Rule.SC04); }

    @Test public final void required_SC05_firstFinalWins() { verify(Rule.SC05); }

    @Test public final void required_SC06_beginRacingCancelLosesNothing() { verify(Rule.SC06); }

    @Test public final void required_SC07_idempotentCancel() { verify(Rule.SC07); }

    @Test public final void required_SC08_reusableAfterCancel() { verify(Rule.SC08); }

    @Test public final void required_SC09_serialCallbacksCarryTheirContext() { verify(Rule.SC09); }

    @Test public final void required_SC10_endlessCallsEndByCancel() { verify(Rule.SC10); }

    @Test public final void required_SC11_cancelNeverBlocks() { verify(Rule.SC11); }

    @Test public final void required_SC12_providerIsTold() { verify(Rule.SC12); }

    @Test public final void required_SC13_noRetention() { verify(Rule.SC13); }

    @Test public final void required_SC14_onlyTheIssuedHandleSignals() { verify(Rule.SC14); }

    @Test public final void required_SC15_throwingListenerHarmsNoOneElse() { verify(Rule.SC15); }

    @Test public final void required_SC16_cancelFromInsideCallback() { verify(Rule.SC16); }

    private void verify(Rule rule) {
        ConformanceReport.Row row = report().result(rule);
        String name = rule.id() + " (" + rule.summary() + ")";
        reporter.publishEntry(rule.id(), row.label() + ": " + row.evidence()
                + (row.passPlus() ? " (" + VerdictCounts.PASS_PLUS_MEANS + ")" : ""));
        switch (row.verdict()) {
            case PASS -> { }
            case NOT_APPLICABLE -> Assumptions.abort(name + " is not applicable: " + row.evidence());
            case WAIVED -> Assumptions.abort(name + " WAIVED: " + row.evidence());
            case NOT_PROMISED -> fail(name + " is not promised: " + row.evidence()
                    + "; if the sink really does not keep it, waive it: @Waive(\"" + rule.id() + "\") on " + getClass().getSimpleName());
            case STRESS_TIER -> Assumptions.abort(name + " is checked by the stress tier, not here: " + row.evidence());
            case UNTESTED -> fail(name + ": " + row.evidence() + "; raise the budget (-Dsinkcheck.budget=extended)");
            case FAIL -> fail(failureMessage(rule, row.counterexample()));
        }
    }

    /** Leads a person to the rule, the spec and the behaviour: what a failing test prints. */
    static String failureMessage(Rule rule, Counterexample cx) {
        String nl = System.lineSeparator();
        return rule.id() + " " + rule.level() + " violated: " + rule.summary() + nl
                + "TLA+: " + cx.operator() + " in spec/tla/" + (cx.operator().spec().hasAbstract() ? "CancelAll.tla" : "CancelAllAlgo.tla")
                + "; the rule: RULES.md, " + rule.id() + nl
                + cx;
    }
}
