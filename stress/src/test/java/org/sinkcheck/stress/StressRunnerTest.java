package org.sinkcheck.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sinkcheck.reference.adapter.ReferenceSinkAdapter;
import org.sinkcheck.mutants.SC05_CompleteRacingCancelBothFinal;
import org.sinkcheck.rules.Rule;

/**
 * The CI tier of the stress module: every race in jcstress's sanity mode against the reference sink, and
 * the runner's gate behaviour (exit 1 naming the rule on a racy mutant, exit 2 on an adapter that does not
 * load). Each run happens in child JVMs under {@code target/stress-runs}.
 */
class StressRunnerTest {
    private static final Path RUNS = Path.of(System.getProperty("sinkcheck.stress.workdir", "target/stress-runs"));

    @Test
    @Timeout(900)
    void referenceSinkPassesEveryRaceInSanityMode() throws IOException, InterruptedException {
        StressRunner.Result result = StressRunner.run(
                StressRunner.Options.of(StressMode.SANITY, ReferenceSinkAdapter.class.getName(), RUNS.resolve("reference"))
                        .withLincheck(false), System.out);
        assertEquals(0, result.exitCode(), result.summary());
        assertTrue(result.forbidden().isEmpty() && result.raceErrors().isEmpty(), result.summary());
        assertTrue(Files.exists(result.htmlReport().orElseThrow()), "no HTML report: " + result.summary());
        int cpus = Runtime.getRuntime().availableProcessors();
        long needMoreCpus = Races.ALL.stream().filter(r -> Races.actors(r) > cpus).count();
        assertEquals(needMoreCpus, result.notRun().size(), "the reference sink declares every capability: " + result.notRun());
    }

    /**
     * The gate has teeth in sanity mode. The mutant is the two-finals one: in sanity runs here it broke
     * SC-03/SC-05 in about a quarter of the samples of each of its two races, while the lost-call mutant
     * showed in only 2 to 3 of 20 to 65 samples: too rare to assert in CI (Lincheck catches it every time,
     * {@link LincheckMutantsTest}).
     */
    @Test
    @Timeout(600)
    void SC05_twoFinalsMutantFailsWithExitOneNamingTheRule() throws IOException, InterruptedException {
        StressRunner.Result result = StressRunner.run(
                StressRunner.Options.of(StressMode.SANITY, SC05_CompleteRacingCancelBothFinal.class.getName() + "$Adapter", RUNS.resolve("SC05-mutant"))
                        .withOnly("^SC05_").withLincheck(false), System.out);
        assertEquals(1, result.exitCode(), result.summary());
        assertFalse(result.forbidden().isEmpty(), result.summary());
        // Two finals read as SC-03 (onCancelled after onCompleted) or SC-05 (onCompleted after onCancelled).
        assertTrue(result.forbidden().stream().allMatch(f -> Set.of(Rule.SC03, Rule.SC05).contains(f.rule().orElseThrow())), result.summary());
        assertTrue(result.summary().contains("FORBIDDEN SC-0"), result.summary());
    }

    /**
     * A tool that cannot run a sink is NOT RUN with its reason, never a rule failure: Lincheck's model
     * checking cannot run a sink that calls back on threads of its own, and the tier's verdict is then
     * that of the races that did run.
     */
    @Test
    @Timeout(900)
    void aSinkWithThreadsOfItsOwnIsLincheckNotRunWithTheReason_andTheTierIsDecidedByTheRacesThatRan() throws IOException, InterruptedException {
        StressRunner.Result result = StressRunner.run(
                StressRunner.Options.of(StressMode.SANITY, CallsBackOnItsOwnExecutor.class.getName(), RUNS.resolve("own-executor"))
                        .withOnly("^SC04_DeliverVsCancel$"), System.out);
        result.lincheck().output().forEach(System.out::println);
        assertEquals(LincheckReport.Verdict.NOT_RUN, result.lincheck().verdict(), result.summary());
        assertTrue(result.lincheck().headline().startsWith("Lincheck cannot run this sink"), result.lincheck().headline());
        assertEquals(0, result.exitCode(), result.summary());
    }

    @Test
    void unknownAdapterExitsTwoWithOneLine() throws IOException, InterruptedException {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        StressRunner.Result result = StressRunner.run(
                StressRunner.Options.of(StressMode.SANITY, "com.example.NoSuchAdapter", RUNS.resolve("no-such-adapter")),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertEquals(2, result.exitCode());
        String out = printed.toString(StandardCharsets.UTF_8).strip();
        assertFalse(out.contains("\n"), out);
        assertTrue(out.contains("adapter class not found: com.example.NoSuchAdapter"), out);
    }
}
