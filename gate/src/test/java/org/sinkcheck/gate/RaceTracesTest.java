package org.sinkcheck.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sinkcheck.mutants.SC05_CompleteRacingCancelBothFinal;
import org.sinkcheck.mutants.SC09_CallbacksOfOneCallOverlap;
import org.sinkcheck.mutants.kills.KillRecords;
import org.sinkcheck.mutants.kills.Tier;
import org.sinkcheck.reference.adapter.ReferenceSinkAdapter;
import org.sinkcheck.rules.Rule;
import org.sinkcheck.stress.StressMode;
import org.sinkcheck.stress.StressRunner;
import org.sinkcheck.trace.SampledTraces;

/**
 * The jcstress races' samples, recorded in the forks ({@code StressRunner.Options.withTrace}) and validated
 * by TLC ({@link RaceTraceStep}): the reference sink's samples of two races are accepted, and a racy mutant's
 * samples under the race of its rule are rejected naming that rule, with the command that re-validates the
 * race's merged trace. Small: jcstress's sanity mode (some 20 to 40 samples per race, all recorded), no
 * Lincheck; a race may not show in one run, so a mutant gets up to {@value #RUNS} runs until one is rejected.
 */
class RaceTracesTest {
    /** Every sample sanity mode takes in a fork (about 20 here). */
    private static final int SAMPLES = 50;
    private static final int RUNS = 3;
    private static final Path RUNS_ROOT = WorkFolder.resolve("race-traces-test");

    @Test
    @Timeout(300)
    void SC03_SC05_SC09_theReferenceSinksSamplesOfTwoRacesAreAcceptedByTlc() throws IOException, InterruptedException {
        Run run = run(ReferenceSinkAdapter.class.getName(), "^(SC05_CompleteVsCancel|SC09_DeliverVsDeliver)$", "reference");
        KillRecords.inBuild().ran(Tier.TRACE, RaceTracesTest.class, KillRecords.REFERENCE, run.rules(),
                "jcstress samples of SC05_CompleteVsCancel and SC09_DeliverVsDeliver, sanity mode");
        assertEquals(0, run.stressExit, run.printed);
        assertEquals(List.of("SC05_CompleteVsCancel", "SC09_DeliverVsDeliver"), run.verdicts.stream().map(SampledTraces.Verdict::race).toList(), run.printed);
        for (SampledTraces.Verdict v : run.verdicts) {
            assertTrue(v.report().accepted() && v.samples() > 0 && v.events() > 10 * v.samples(), run.printed);
            assertEquals(v.samples(), v.report().segments(), "every sample is a segment of its own: " + run.printed);
        }
        assertEquals(Sinkcheck.OK, RaceTraceStep.exitCode(run.stressExit, run.verdicts));
    }

    static Stream<Arguments> racyMutants() {
        return Stream.of(
                // two finals: the second read as SC-03 (another final after completed) or SC-05 (after cancelled)
                Arguments.of(SC05_CompleteRacingCancelBothFinal.class, "SC05_CompleteVsCancel", Set.of(Rule.SC03, Rule.SC05)),
                // an overlap the log shows is SC-09; one inside the sink leaves an object after cancelled, SC-04 (docs/trace.md)
                Arguments.of(SC09_CallbacksOfOneCallOverlap.class, "SC09_DeliverVsDeliver", Set.of(Rule.SC09, Rule.SC04)));
        // (SC-04 only with the note that the log fits SC-09 too)
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("racyMutants")
    @Timeout(600)
    void SC03_SC05_SC09_aRacyMutantsSamplesUnderTheRaceOfItsRuleAreRejectedNamingIt(Class<?> mutant, String race, Set<Rule> rules)
            throws IOException, InterruptedException {
        StringBuilder accepted = new StringBuilder();
        for (int attempt = 1; attempt <= RUNS; attempt++) {
            Run run = run(mutant.getName() + "$Adapter", "^" + race + "$", mutant.getSimpleName() + "-" + attempt);
            SampledTraces.Verdict v = run.verdicts.get(0);
            assertTrue(v.report().error().isEmpty(), run.printed);
            if (v.report().accepted()) {
                accepted.append(run.printed);
                continue;
            }
            KillRecords.inBuild().ran(Tier.TRACE, RaceTracesTest.class, mutant.getSimpleName(), run.rules(),
                    "jcstress samples of " + race + ", sanity mode, run " + attempt);
            Rule named = v.report().rejection().orElseThrow().rule().orElseThrow(() -> new AssertionError("no rule named:\n" + run.printed));
            assertTrue(rules.contains(named), run.printed);
            if (named == Rule.SC04) assertEquals(Rule.SC09, v.report().rejection().get().alsoFits().orElse(null), run.printed);
            assertTrue(run.printed.contains("  " + race + ": " + v.samples() + " samples, " + v.events() + " events: REJECTED " + named.id()
                    + " (re-validate: ./sinkcheck trace --validate " + v.file() + ")"), run.printed);
            assertTrue(run.printed.contains("the shortest unexplained prefix: segment "), run.printed);
            assertEquals(Sinkcheck.VIOLATION, RaceTraceStep.exitCode(run.stressExit, run.verdicts));
            return;
        }
        KillRecords.inBuild().ran(Tier.TRACE, RaceTracesTest.class, mutant.getSimpleName(), List.of(),
                "jcstress samples of " + race + ", sanity mode, " + RUNS + " runs, none rejected");
        throw new AssertionError(mutant.getSimpleName() + ": no rejected samples of " + race + " in " + RUNS + " runs:\n" + accepted);
    }

    private record Run(int stressExit, List<SampledTraces.Verdict> verdicts, String printed) {
        List<Rule> rules() {
            return verdicts.stream().flatMap(v -> v.report().rejection().stream()).flatMap(r -> r.rule().stream()).toList();
        }
    }

    private static Run run(String adapter, String races, String folder) throws IOException, InterruptedException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        StressRunner.Options options = StressRunner.Options.of(StressMode.SANITY, adapter, WorkFolder.newRun(RUNS_ROOT, folder))
                .withOnly(races).withLincheck(false).withTrace(SAMPLES);
        StressRunner.Result result = StressRunner.run(options, out);
        List<SampledTraces.Verdict> verdicts = RaceTraceStep.validate(options, out);
        String printed = bytes.toString(StandardCharsets.UTF_8);
        System.out.print(printed);
        return new Run(result.exitCode(), verdicts, printed);
    }
}
