package org.sinkcheck.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sinkcheck.mutants.kills.KillRecords;
import org.sinkcheck.mutants.kills.Tier;
import org.sinkcheck.rules.Rule;

/**
 * Lincheck catches racy mutants that sequential checks cannot: run through {@link StressRunner} (a child
 * JVM per sink, since Lincheck instruments what it loads and the sink is chosen per JVM), it fails with
 * the rule and prints the interleaving that breaks it.
 */
class LincheckMutantsTest {
    private static final Path RUNS = Path.of(System.getProperty("sinkcheck.stress.workdir", "target/stress-runs"));

    @ParameterizedTest(name = "{0} caught as {1}")
    @CsvSource({
            "SC06_BeginRacingCancelLosesCall, SC-06",
            "SC05_CompleteRacingCancelBothFinal, SC-03 SC-05"})
    @Timeout(900)
    void racyMutantFailsLincheckWithTheInterleaving(String mutant, String rules) throws IOException, InterruptedException {
        StressRunner.Result result = StressRunner.run(
                StressRunner.Options.of(StressMode.SANITY, "org.sinkcheck.mutants." + mutant + "$Adapter", RUNS.resolve("lincheck-" + mutant))
                        .withJcstress(false), System.out);
        LincheckReport lincheck = result.lincheck();
        KillRecords.inBuild().ran(Tier.LINCHECK, LincheckMutantsTest.class, mutant, lincheck.rule().stream().toList(),
                "generated scenarios, sanity budget");
        assertEquals(1, result.exitCode(), result.summary());
        // Two finals read as SC-03 (onCancelled after onCompleted) or SC-05 (onCompleted after onCancelled).
        assertTrue(List.of(rules.split(" ")).contains(lincheck.rule().map(Rule::id).orElse("none")), lincheck.headline());
        assertTrue(lincheck.hasInterleaving(), "Lincheck printed no interleaving");
        lincheck.output().forEach(System.out::println);
    }
}
