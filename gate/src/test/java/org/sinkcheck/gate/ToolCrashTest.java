package org.sinkcheck.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sinkcheck.reference.adapter.ReferenceSinkAdapter;
import org.sinkcheck.stress.StressMode;
import org.sinkcheck.stress.StressRunner;
import org.sinkcheck.tlc.SpecFolder;

/**
 * A tool that crashes — TLC, jcstress, Lincheck — is a tool error, never a rule failure: exit 3 and one
 * line naming the tool, what failed and where its log is. Each tool is made to crash the way it can in the
 * field: TLC on a spec it cannot parse, jcstress and Lincheck in a JVM that cannot start (an option the JVM
 * does not know, through {@code --child-jvm-option}).
 */
@Timeout(180)
class ToolCrashTest {
    private static final String NO_SUCH_OPTION = "-XX:+SinkcheckNoSuchOption";
    private static final Pattern LOG = Pattern.compile("\\(log: (\\S+)\\)$");

    @Test
    void TLC_thatCannotParseTheSpecCrashesNamingItselfAndItsLog(@TempDir Path dir) throws Exception {
        Path specs = Files.createDirectories(dir.resolve("tla"));
        Files.writeString(specs.resolve(SpecStep.MODULE + ".tla"), "---- MODULE CancelAll ----\nthis is not TLA+\n====\n");
        Files.writeString(specs.resolve(SpecStep.CONFIG), "SPECIFICATION Spec\n");
        ToolCrash crash = assertThrows(ToolCrash.class, () -> SpecStep.run(new SpecFolder(specs), dir.resolve("work")));
        assertOneLineNamingItsLog(crash.getMessage(), "TLC crashed: TLC CancelAll.cfg: TLC could not check the model");
    }

    @Test
    void jcstressWhoseJvmCannotStartExitsThreeInOneLineNamingItsLog() {
        Cli stress = Cli.run("stress", "--mode", "sanity", "--child-jvm-option=" + NO_SUCH_OPTION);
        assertEquals(Sinkcheck.INTERNAL, stress.exitCode(), stress::toString);
        List<String> err = stress.errLines();
        assertEquals(1, err.size(), stress::toString);
        assertOneLineNamingItsLog(err.get(0), "sinkcheck: jcstress crashed: its JVM exited 1 without results: Unrecognized VM option");
    }

    @Test
    void lincheckWhoseJvmCannotStartIsACrashNamingItsLog(@TempDir Path dir) throws Exception {
        StressRunner.Result result = StressRunner.run(StressRunner.Options.of(StressMode.SANITY, ReferenceSinkAdapter.class.getName(), dir)
                .withJcstress(false).withJvmOptions(List.of(NO_SUCH_OPTION)), System.out);
        assertEquals(StressRunner.Result.CRASHED, result.exitCode(), result.summary());
        ToolCrash crash = assertThrows(ToolCrash.class, () -> StressStep.ran(result));
        assertOneLineNamingItsLog(crash.getMessage(), "Lincheck crashed: its JVM exited 1 without results: Unrecognized VM option");
    }

    private static void assertOneLineNamingItsLog(String line, String start) {
        assertTrue(line.startsWith(start), line);
        assertEquals(1, line.lines().count(), line);
        Matcher log = LOG.matcher(line);
        assertTrue(log.find(), line);
        assertTrue(Files.isRegularFile(Path.of(log.group(1))), line);
    }
}
