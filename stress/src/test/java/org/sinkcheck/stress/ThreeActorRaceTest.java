package org.sinkcheck.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sinkcheck.kit.AdapterLoadException;
import org.sinkcheck.kit.Adapters;
import org.sinkcheck.mutants.Controls;
import org.sinkcheck.mutants.Controls.Control;
import org.sinkcheck.mutants.kills.KillRecords;
import org.sinkcheck.mutants.kills.Tier;
import org.sinkcheck.rules.Rule;
import org.sinkcheck.stress.lincheck.LincheckCheck;
import org.sinkcheck.stress.races.SC06_BeginVsBeginVsCancel;

/**
 * The three-actor race runs where jcstress cannot: Lincheck's model checking plays begin a2 ‖ begin a3 ‖
 * cancel A on any number of CPUs, graded by the races' arbiter. It catches the lost call of two begins
 * racing one cancel ({@code SC06_SecondBeginDuringCloseLost}, which every two-actor race passes) and the
 * classic lost call, each by SC-06 with the interleaving; the reference sink and every control it can
 * run pass; a control with threads of its own is NOT RUN with the reason, never failed.
 */
class ThreeActorRaceTest {
    private static final Path RUNS = Path.of(System.getProperty("sinkcheck.stress.workdir", "target/stress-runs"));

    @Test
    @Timeout(900)
    void SC06_theReferenceSinkPassesTheThreeActorRaceUnderModelChecking() {
        LincheckCheck.beginVsBeginVsCancel(LincheckCheck.CI_INVOCATIONS);
        KillRecords.inBuild().ran(Tier.LINCHECK, ThreeActorRaceTest.class, KillRecords.REFERENCE, List.of(), SCENARIO);
    }

    private static final String SCENARIO = "SC06_BeginVsBeginVsCancel model-checked, " + LincheckCheck.CI_INVOCATIONS + " interleavings";

    @ParameterizedTest(name = "{0} caught as SC-06")
    @ValueSource(strings = {"SC06_SecondBeginDuringCloseLost", "SC06_BeginRacingCancelLosesCall"})
    @Timeout(900)
    void SC06_aCallLostToTwoBeginsRacingACancelIsCaughtWithItsInterleaving(String mutant) throws Exception {
        LincheckReport report = modelCheck("org.sinkcheck.mutants." + mutant + "$Adapter", "three-actor-" + mutant);
        KillRecords.inBuild().ran(Tier.LINCHECK, ThreeActorRaceTest.class, mutant, report.rule().stream().toList(), SCENARIO);
        assertEquals(LincheckReport.Verdict.FAILED, report.verdict(), report.headline());
        assertEquals(Optional.of(Rule.SC06), report.rule(), report.headline());
        assertTrue(report.hasInterleaving(), "Lincheck printed no interleaving");
    }

    static Stream<Control> controls() { return Controls.ALL.stream(); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("controls")
    @Timeout(900)
    void SC06_everyControlPasses_orIsNotRunWithTheReasonWhenItHasThreadsOfItsOwn(Control control) throws Exception {
        LincheckReport report = modelCheck(control.adapterClassName(), "three-actor-" + control.name());
        if (report.verdict() == LincheckReport.Verdict.NOT_RUN) {
            KillRecords.inBuild().notRun(Tier.LINCHECK, ThreeActorRaceTest.class, control.name(), report.headline());
        } else {
            KillRecords.inBuild().ran(Tier.LINCHECK, ThreeActorRaceTest.class, control.name(), report.rule().stream().toList(), SCENARIO);
        }
        if (control.ownThreads()) {
            assertEquals(LincheckReport.Verdict.NOT_RUN, report.verdict(), report.headline());
            assertTrue(report.headline().startsWith(LincheckReport.CANNOT_RUN + ": it runs code on a thread of its own"), report.headline());
        } else {
            assertEquals(LincheckReport.Verdict.PASSED, report.verdict(), () -> report.headline() + "\n" + String.join("\n", report.output()));
        }
    }

    private static LincheckReport modelCheck(String adapterClassName, String folder)
            throws AdapterLoadException, IOException, InterruptedException {
        StressRunner.Options options = StressRunner.Options.of(StressMode.SANITY, adapterClassName, RUNS.resolve(folder));
        return StressRunner.modelCheck(SC06_BeginVsBeginVsCancel.class, options,
                Adapters.load(adapterClassName, ThreeActorRaceTest.class.getClassLoader()), System.out);
    }
}
