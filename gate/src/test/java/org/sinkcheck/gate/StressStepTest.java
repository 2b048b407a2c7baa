package org.sinkcheck.gate;

import org.sinkcheck.kit.run.Waivers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sinkcheck.gate.report.GateReport;
import org.sinkcheck.kit.Capability;
import org.sinkcheck.kit.run.ConformanceReport;
import org.sinkcheck.kit.run.Verdict;
import org.sinkcheck.rules.Rule;
import org.sinkcheck.stress.JcstressReport;
import org.sinkcheck.stress.LincheckReport;
import org.sinkcheck.stress.Races;
import org.sinkcheck.stress.StressRunner;
import org.sinkcheck.stress.races.SC04_ProgressVsCancel;
import org.sinkcheck.stress.races.SC06_BeginVsBeginVsCancel;
import org.sinkcheck.stress.races.SC11_CancelVsRunningListener;

/**
 * A rule is decided by the races that cover it, not by the whole stress tier: on two cores the
 * three-actor race does not run under jcstress, and SC-11, which only {@code SC11_CancelVsRunningListener}
 * covers, is still decided once that race ran clean. It stays STRESS TIER when its own race did not run,
 * or failed on another rule first (which can hide an SC-11 outcome), and Lincheck not running decides nothing.
 */
class StressStepTest {
    private static final List<ConformanceReport.Row> ROWS = List.of(
            new ConformanceReport.Row(Rule.SC11, Verdict.STRESS_TIER, "only interleavings; checked by the stress tier", null, true),
            new ConformanceReport.Row(Rule.SC04, Verdict.PASS, "held in 9 steps", null, true),
            new ConformanceReport.Row(Rule.SC06, Verdict.PASS, "held in 12 steps", null, true));

    private static final LincheckReport CANNOT_RUN =
            new LincheckReport(LincheckReport.Verdict.NOT_RUN, Optional.empty(), "Lincheck cannot run this sink: for the test", List.of());

    @Test
    void SC11_isDecidedByItsOwnRace_althoughTheThreeActorRaceDidNotRunAndLincheckCouldNot() {
        GateReport report = gradeOf(allRacesBut(SC06_BeginVsBeginVsCancel.class), List.of(), "SC06_BeginVsBeginVsCancel: NOT RUN: it needs 3 CPUs and this machine has 2");
        assertEquals(Verdict.PASS, report.verdict(Rule.SC11), report.evidence(Rule.SC11));
        assertTrue(report.evidence(Rule.SC11).contains("SC11_CancelVsRunningListener"), report.evidence(Rule.SC11));
    }

    @Test
    void SC11_staysStressTierWhenItsRaceDidNotRun() {
        GateReport report = gradeOf(allRacesBut(SC11_CancelVsRunningListener.class), List.of(), "SC11_CancelVsRunningListener: NOT APPLICABLE: for the test");
        assertEquals(Verdict.STRESS_TIER, report.verdict(Rule.SC11));
        assertTrue(report.evidence(Rule.SC11).contains("SC11_CancelVsRunningListener: NOT APPLICABLE"), report.evidence(Rule.SC11));
    }

    @Test
    void SC11_staysStressTierWhenItsRaceFailedOnAnotherRuleFirst_SC04() {
        JcstressReport.Forbidden sc04 = new JcstressReport.Forbidden(SC11_CancelVsRunningListener.class.getName(),
                "SC-04:a1:object-after-cancelled", 1, 40, "SC-04: an object reached the listener after onCancelled");
        GateReport report = gradeOf(Races.ALL, List.of(sc04), null);
        assertEquals(Verdict.FAIL, report.verdict(Rule.SC04));
        assertEquals(Verdict.STRESS_TIER, report.verdict(Rule.SC11));
        assertTrue(report.evidence(Rule.SC11).contains("failed on SC-04 first, which can hide SC-11"), report.evidence(Rule.SC11));
    }

    /**
     * A sink without progress signals cannot play SC04_ProgressVsCancel; SC-04's other races decide it,
     * and the evidence names the one left out. Before, that race kept SC-04 PASS+ on such a sink even
     * after every race that could run had run clean.
     */
    @Test
    void SC04_isDecidedByTheRacesTheSinkCanPlay_andNamesTheOneItsCapabilitiesLeaveOut() {
        GateReport report = gradeOf(allRacesBut(SC04_ProgressVsCancel.class), List.of(), "SC04_ProgressVsCancel: NOT APPLICABLE: the sink has no progress signal",
                Map.of(), Map.of(SC04_ProgressVsCancel.class, Capability.PROGRESS));
        assertEquals(Verdict.PASS, report.verdict(Rule.SC04), report.evidence(Rule.SC04));
        assertTrue(report.evidence(Rule.SC04).contains("SC04_ProgressVsCancel (not applicable)"), report.evidence(Rule.SC04));
    }

    /**
     * On two cores the three-actor race is played by Lincheck's model checking, and the evidence of the
     * rules it covers says so: SC-06 is decided, by jcstress for its two-actor races and by the model
     * checker for the three-actor one.
     */
    @Test
    void SC06_isDecidedOnTwoCoresWithTheThreeActorRaceModelChecked_andTheEvidenceNamesEachRacesEngine() {
        LincheckReport passed = new LincheckReport(LincheckReport.Verdict.PASSED, Optional.empty(), "LINCHECK PASSED", List.of());
        GateReport report = gradeOf(allRacesBut(SC06_BeginVsBeginVsCancel.class), List.of(), null,
                Map.of(SC06_BeginVsBeginVsCancel.class, passed));
        assertEquals(Verdict.PASS, report.verdict(Rule.SC06), report.evidence(Rule.SC06));
        assertTrue(report.evidence(Rule.SC06).contains("SC06_BeginVsBeginVsCancel (" + StressRunner.MODEL_CHECKING + ")"), report.evidence(Rule.SC06));
        assertTrue(report.evidence(Rule.SC06).contains("SC06_BeginVsCancel (" + StressRunner.JCSTRESS + ")"), report.evidence(Rule.SC06));
    }

    @Test
    void SC06_failsWhenTheModelCheckedThreeActorRaceFindsALostCall() {
        LincheckReport failed = new LincheckReport(LincheckReport.Verdict.FAILED, Optional.of(Rule.SC06),
                "SC-06:a2:lost:the-next-cancel-did-not-end-it", List.of("The following interleaving leads to the error:"));
        GateReport report = gradeOf(allRacesBut(SC06_BeginVsBeginVsCancel.class), List.of(), null,
                Map.of(SC06_BeginVsBeginVsCancel.class, failed));
        assertEquals(Verdict.FAIL, report.verdict(Rule.SC06), report.evidence(Rule.SC06));
        assertTrue(report.evidence(Rule.SC06).contains("SC-06:a2:lost"), report.evidence(Rule.SC06));
    }

    @Test
    void SC06_staysStressTierWhenNeitherEngineCouldPlayTheThreeActorRace() {
        GateReport report = gradeOf(allRacesBut(SC06_BeginVsBeginVsCancel.class), List.of(), null,
                Map.of(SC06_BeginVsBeginVsCancel.class, CANNOT_RUN));
        assertEquals(Verdict.STRESS_TIER, report.verdict(Rule.SC06), report.evidence(Rule.SC06));
        assertTrue(report.evidence(Rule.SC06).contains("SC06_BeginVsBeginVsCancel: NOT RUN under jcstress (too few CPUs) nor under Lincheck"),
                report.evidence(Rule.SC06));
    }

    private static GateReport gradeOf(List<Class<?>> ran, List<JcstressReport.Forbidden> forbidden, String notRun) {
        return gradeOf(ran, forbidden, notRun, Map.of());
    }

    private static GateReport gradeOf(List<Class<?>> ran, List<JcstressReport.Forbidden> forbidden, String notRun,
                                      Map<Class<?>, LincheckReport> modelChecked) {
        return gradeOf(ran, forbidden, notRun, modelChecked, Map.of());
    }

    /** {@code leftOut}: the races a missing capability left out, as {@code StressRunner} gives them (their {@code notRun} line is words only). */
    private static GateReport gradeOf(List<Class<?>> ran, List<JcstressReport.Forbidden> forbidden, String notRun,
                                      Map<Class<?>, LincheckReport> modelChecked, Map<Class<?>, Capability> leftOut) {
        StressRunner.Result result = new StressRunner.Result(forbidden.isEmpty() ? 0 : 1, Optional.empty(), forbidden, List.of(),
                notRun == null ? List.of() : List.of(notRun), CANNOT_RUN, "summary", ran, false, Optional.empty(), List.of(), modelChecked,
                leftOut);
        GateReport report = new GateReport("sink", "Adapter", "./sinkcheck check", Waivers.none());
        StressStep.addFindings(result, ROWS, report);
        return report;
    }

    private static List<Class<?>> allRacesBut(Class<?> left) {
        List<Class<?>> ran = new ArrayList<>(Races.ALL);
        ran.remove(left);
        return ran;
    }
}
