package org.sinkcheck.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A jcstress fork ends when its work is done even if the sink left a non-daemon thread running: the run
 * finishes with its verdict, and every fork the watchdog ended says so, naming the race, the sink and the
 * thread, in the run folder's {@value ForkWatchdog#LOG} and in the summary. Without {@link ForkWatchdog}
 * the fork, and jcstress waiting for it, stay alive until the tier's timeout (15 minutes in sanity mode),
 * and this test times out.
 */
class ForkWatchdogTest {
    private static final Path RUNS = Path.of(System.getProperty("sinkcheck.stress.workdir", "target/stress-runs"));

    @Test
    @Timeout(240)
    void aForkHeldBySinkThreadsEndsOnceItsWorkIsDone_namingTheSinkAndTheThreads() throws IOException, InterruptedException {
        Path work = RUNS.resolve("non-daemon-threads");
        StressRunner.Result result = StressRunner.run(
                StressRunner.Options.of(StressMode.SANITY, LeavesANonDaemonThread.class.getName(), work)
                        .withOnly("^SC07_CancelVsCancel$").withLincheck(false), System.out);
        assertEquals(0, result.exitCode(), result.summary());
        assertFalse(result.forksEnded().isEmpty(), result.summary());
        for (String line : result.forksEnded()) {
            assertTrue(line.contains("ended the jcstress fork of SC07_CancelVsCancel on LeavesANonDaemonThread"), line);
            assertTrue(line.contains("'" + LeavesANonDaemonThread.THREAD + "' (WAITING)"), line);
        }
        assertTrue(Files.readString(work.resolve(ForkWatchdog.LOG)).contains(LeavesANonDaemonThread.THREAD));
        assertTrue(result.summary().contains("FORK ENDED: ended the jcstress fork of SC07_CancelVsCancel"), result.summary());
    }
}
