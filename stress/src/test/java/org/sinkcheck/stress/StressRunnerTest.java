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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sinkcheck.kit.reference.ReferenceSinkAdapter;
import org.sinkcheck.mutants.SC06_BeginRacingCancelLosesCall;
import org.sinkcheck.spec.Rule;

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

    @Test
    @Timeout(600)
    void SC06_lostCallMutantFailsWithExitOneNamingTheRule() throws IOException, InterruptedException {
        StressRunner.Result result = StressRunner.run(
                StressRunner.Options.of(StressMode.SANITY, SC06_BeginRacingCancelLosesCall.class.getName() + "$Adapter", RUNS.resolve("SC06-mutant"))
                        .withOnly("^SC06_BeginVsCancel$").withLincheck(false), System.out);
        assertEquals(1, result.exitCode(), result.summary());
        assertTrue(result.forbidden().stream().allMatch(f -> f.rule().orElseThrow() == Rule.SC06), result.summary());
        assertTrue(result.summary().contains("FORBIDDEN SC-06 SC06_BeginVsCancel"), result.summary());
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
