package org.sinkcheck.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sinkcheck.reference.StepLog.Step;
import org.sinkcheck.trace.algo.StepTrace;

/**
 * {@code ./sinkcheck trace --algo}: the reference sink recorded step by step in a child JVM with its step
 * log on (this JVM's is off) and validated against CancelAllAlgo.tla in segments, exit 0; a step log TLC
 * rejects, exit 1 with the rule and the command that re-validates it; bad input, one line and exit 2.
 * (The validator's teeth are the trace module's AlgoTraceTest and AlgoSegmentTest.)
 */
class TraceAlgoCommandTest {
    private static void assertOneLine(Cli cli, String line) {
        assertEquals(Sinkcheck.USAGE, cli.exitCode(), cli::toString);
        assertEquals(1, cli.err().lines().filter(l -> !l.isBlank()).count(), cli::toString);
        assertTrue(cli.err().contains(line), cli::toString);
    }

    private static Step step(String action, String sink, String call, String x, long inv, long ret) {
        return new Step(action, sink, call, 0, x, inv, ret);
    }

    @Test
    @Timeout(180)
    void SC01_SC06_SC10_theReferenceSinksStepsAreRecordedInAChildJvmAndAccepted_aRejectedLogExits1WithItsReValidateLine(@TempDir Path dir) {
        Cli run = Cli.run("trace", "--algo", "--threads", "2", "--ops", "10", "--rounds", "3", "--segment", "40");
        assertEquals(Sinkcheck.OK, run.exitCode(), run::toString);
        assertTrue(run.out().contains("rounds (3 quiet points) on the reference sink: "), run::toString);
        assertTrue(run.out().contains("step trace accepted by TLC (CancelAllAlgo.tla): 2 threads, "), run::toString);
        // A cancel that returned before a begin was invoked sweeps that begin's call (AlgoTraceTest's SC-01 log).
        List<Step> begin = List.of(step("BeginRead", "s1", "c1", null, 5, 6), step("BeginPublish", null, "c1", null, 5, 6),
                step("BeginRecheck", null, "c1", "open", 5, 6));
        List<Step> cancel = List.of(step("CancelClose", "s1", null, "closed", 1, 4), step("CancelSweep", null, "c1", "idle", 1, 4),
                step("SendFinal", null, "c1", "cancelled", 1, 4), step("CancelReturn", "s1", null, null, 1, 4));
        Path file = dir.resolve("broken.ndjson");
        StepTrace.of(List.of(begin, cancel)).write(file);
        Cli rejected = Cli.run("trace", "--algo", "--validate", file.toString());
        assertEquals(Sinkcheck.VIOLATION, rejected.exitCode(), rejected::toString);
        assertTrue(rejected.out().contains("step trace REJECTED by TLC (CancelAllAlgo.tla): SC-01 violated"), rejected::toString);
        assertTrue(rejected.out().contains("re-validate: ./sinkcheck trace --algo --validate " + file), rejected::toString);
    }

    @Test
    void badInputIsOneLineAndExit2(@TempDir Path dir) throws Exception {
        assertOneLine(Cli.run("trace", "--algo", "--sink", "org.sinkcheck.mutants.SC09_CallbacksOfOneCallOverlap$Adapter"),
                "--algo checks the reference sink's own steps against CancelAllAlgo.tla: it takes no --sink");
        assertOneLine(Cli.run("trace", "--algo", "--ops", "0"), "--ops must be at least 1, not 0");
        assertOneLine(Cli.run("trace", "--algo", "--rounds", "0"), "--rounds must be at least 1, not 0");
        Path missing = dir.resolve("missing.ndjson");
        assertOneLine(Cli.run("trace", "--algo", "--validate", missing.toString()), "no such step log file: " + missing);
        Path bad = dir.resolve("bad.ndjson");
        Files.writeString(bad, "{\"thread\":1,\"a\":\"BeginRead\",\"k\":0}\nnot json\n");
        assertOneLine(Cli.run("trace", "--algo", "--validate", bad.toString()), bad + ":2: not a step log line");
        Path notQuiet = dir.resolve("not-quiet.ndjson");
        Files.writeString(notQuiet, "{\"thread\":1,\"a\":\"BeginRead\",\"s\":\"s1\",\"c\":\"c1\",\"k\":0,\"i\":1,\"r\":3}\n{\"quiet\":2}\n");
        assertOneLine(Cli.run("trace", "--algo", "--validate", notQuiet.toString()),
                notQuiet + ": quiet point 2 is not quiet: thread 1's step 1 (BeginRead) belongs to an operation from ticket 1 to 3");
    }
}
