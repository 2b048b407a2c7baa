package org.sinkcheck.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sinkcheck.mutants.SC06_BeginRacingCancelLosesCall;
import org.sinkcheck.mutants.kills.KillRecords;
import org.sinkcheck.mutants.kills.Tier;
import org.sinkcheck.reference.adapter.ReferenceSinkAdapter;
import org.sinkcheck.rules.Rule;
import org.sinkcheck.stress.Race;
import org.sinkcheck.stress.StressMode;
import org.sinkcheck.stress.StressRunner;
import org.sinkcheck.stress.lincheck.LincheckCheck;
import org.sinkcheck.trace.SampledTraces;

/**
 * The Lincheck tier's invocations, recorded ({@code StressRunner.Options.withTrace}: the first N
 * invocations of each scenario class, each a sample ended by {@code quiet}) and validated by TLC
 * ({@link RaceTraceStep}): the reference sink's are accepted, and those of a racy mutant Lincheck catches
 * are rejected naming its rule. No jcstress; Lincheck in a child JVM, as {@code ./sinkcheck stress} runs it.
 */
class LincheckTracesTest {
    private static final Path RUNS_ROOT = WorkFolder.resolve("lincheck-traces-test");
    private static final String TRACE = Race.LINCHECK_TRACE + "SinkOperations";

    @Test
    @Timeout(300)
    void SC01_SC05_SC06_theReferenceSinksRecordedLincheckInvocationsAreAcceptedByTlc() throws IOException, InterruptedException {
        // one generated scenario and the written-out ones, 10 interleavings each: 40 invocations, all recorded
        Run run = run(ReferenceSinkAdapter.class.getName(), "reference", 100, 1, 10);
        KillRecords.inBuild().ran(Tier.TRACE, LincheckTracesTest.class, KillRecords.REFERENCE, run.rules(), "Lincheck invocations, 5 scenarios x 10 interleavings");
        assertEquals(0, run.stressExit, run.printed);
        SampledTraces.Verdict v = run.verdict();
        assertTrue(v.report().accepted() && v.samples() >= 10 && v.events() > 10 * v.samples(), run.printed);
        assertEquals(v.samples(), v.report().segments(), "every invocation is a segment of its own: " + run.printed);
        assertEquals(Sinkcheck.OK, RaceTraceStep.exitCode(run.stressExit, run.verdicts));
    }

    /**
     * Lincheck stops at the first interleaving that breaks a rule, so every invocation up to it is recorded
     * (the limit is above what the budget plays before it), and TLC must reject that one. A quarter of the CI
     * budget's interleavings: Lincheck's exploration is the same in every run, and catches this mutant at
     * its 86th invocation (five runs recorded it so; two without recording failed on the same interleaving),
     * where the CI budget took it at the 198th.
     */
    @Test
    @Timeout(600)
    void SC06_aBeginRacingACancelThatLosesItsCall_recordedUnderLincheck_isRejectedByTlcNamingSC06() throws IOException, InterruptedException {
        Run run = run(SC06_BeginRacingCancelLosesCall.class.getName() + "$Adapter", "SC06_BeginRacingCancelLosesCall", 2_000,
                LincheckCheck.CI_ITERATIONS, LincheckCheck.CI_INVOCATIONS / 4);
        KillRecords.inBuild().ran(Tier.TRACE, LincheckTracesTest.class, SC06_BeginRacingCancelLosesCall.class.getSimpleName(), run.rules(),
                "Lincheck invocations up to the one Lincheck failed");
        assertEquals(Sinkcheck.VIOLATION, run.stressExit, "Lincheck itself must catch it: " + run.printed);
        SampledTraces.Verdict v = run.verdict();
        assertTrue(v.report().error().isEmpty(), run.printed);
        Rule named = v.report().rejection().orElseThrow(() -> new AssertionError("accepted:\n" + run.printed)).rule()
                .orElseThrow(() -> new AssertionError("no rule named:\n" + run.printed));
        assertEquals(Rule.SC06, named, run.printed);
        assertTrue(run.printed.contains("  " + TRACE + ": " + v.samples() + " samples, " + v.events() + " events: REJECTED SC-06"
                + " (re-validate: ./sinkcheck trace --validate " + v.file() + ")"), run.printed);
        assertEquals(Sinkcheck.VIOLATION, RaceTraceStep.exitCode(run.stressExit, run.verdicts));
    }

    private record Run(int stressExit, List<SampledTraces.Verdict> verdicts, String printed) {
        SampledTraces.Verdict verdict() {
            return verdicts.stream().filter(v -> v.race().equals(TRACE)).findFirst()
                    .orElseThrow(() -> new AssertionError("no trace " + TRACE + " recorded:\n" + printed));
        }

        List<Rule> rules() {
            return verdicts.stream().flatMap(v -> v.report().rejection().stream()).flatMap(r -> r.rule().stream()).toList();
        }
    }

    private static Run run(String adapter, String folder, int recorded, int iterations, int invocations) throws IOException, InterruptedException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        StressRunner.Options options = StressRunner.Options.of(StressMode.SANITY, adapter, WorkFolder.newRun(RUNS_ROOT, folder))
                .withJcstress(false).withTrace(recorded).withLincheckBudget(iterations, invocations);
        StressRunner.Result result = StressRunner.run(options, out);
        List<SampledTraces.Verdict> verdicts = RaceTraceStep.validate(options, out);
        String printed = bytes.toString(StandardCharsets.UTF_8);
        System.out.print(printed);
        return new Run(result.exitCode(), verdicts, printed);
    }
}
