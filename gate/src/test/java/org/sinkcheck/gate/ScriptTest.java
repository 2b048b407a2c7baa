package org.sinkcheck.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The real {@code ./sinkcheck} script, run as a process: it finds the build (the classpath file is written
 * when the gate is compiled), starts the JVM with a bounded heap and passes the arguments and the exit code through.
 */
class ScriptTest {
    private static final Path SCRIPT = Path.of("..", "sinkcheck").toAbsolutePath().normalize();

    private record Run(int exitCode, String out, String err) {}

    private static Run run(String... args) throws IOException, InterruptedException {
        return run(Map.of(), args);
    }

    private static Run run(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = SCRIPT.toString();
        System.arraycopy(args, 0, command, 1, args.length);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("SINKCHECK_HEAP");
        builder.environment().remove("SINKCHECK_JAVA_OPTS");
        builder.environment().putAll(environment);
        builder.environment().put("SINKCHECK_BUILD", "never");
        Path err = Files.createTempFile("sinkcheck-script", ".err");
        builder.redirectError(err.toFile());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the script did not finish");
        String errText = Files.readString(err);
        Files.delete(err);
        return new Run(process.exitValue(), out, errText);
    }

    @Test
    @Timeout(90)
    void helpThroughTheScript() throws Exception {
        assertTrue(Files.isExecutable(SCRIPT), SCRIPT + " is not executable");
        Run run = run("--help");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("Usage: sinkcheck"), run::toString);
    }

    /** The gate JVM's heap limit as the JVM reports it ({@code -XX:+PrintFlagsFinal}, then {@code --help}). */
    private static long maxHeap(Map<String, String> environment) throws Exception {
        Run run = run(environment, "--help");
        assertEquals(0, run.exitCode(), run::toString);
        Matcher m = Pattern.compile("\\bMaxHeapSize\\s+=\\s+(\\d+)").matcher(run.out());
        assertTrue(m.find(), run::toString);
        return Long.parseLong(m.group(1));
    }

    @Test
    @Timeout(90)
    void theGateJvmHasABoundedDefaultHeapThatCanBeRaisedOrLowered() throws Exception {
        String flags = "-XX:+PrintFlagsFinal";
        assertEquals(1L << 30, maxHeap(Map.of("SINKCHECK_JAVA_OPTS", flags)), "the default: 1 GiB");
        assertEquals(3L << 30, maxHeap(Map.of("SINKCHECK_HEAP", "3g", "SINKCHECK_JAVA_OPTS", flags)));
        assertEquals(300L << 20, maxHeap(Map.of("SINKCHECK_JAVA_OPTS", "-Xmx300m " + flags)), "an -Xmx of one's own wins");
    }

    @Test
    @Timeout(90)
    void usageErrorExitCodeReachesTheShell() throws Exception {
        Run run = run("frob");
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals(1, run.err().strip().lines().count(), run::toString);
    }
}
