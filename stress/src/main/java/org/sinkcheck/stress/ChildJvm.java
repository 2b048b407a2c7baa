package org.sinkcheck.stress;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Java main class in a child JVM whose working folder is a run folder, so nothing it writes
 * lands anywhere else; its output goes line by line to the caller's stream and to a log file in the run
 * folder. A child still running after its timeout is killed with all its own children (jcstress's forks).
 */
final class ChildJvm {
    /** What the child printed, and how it ended. */
    record Outcome(int exitCode, boolean timedOut, List<String> lines) {
        /** Why a child that crashed ended, in one line: its exit code and the first line that reads as an error. */
        String why() {
            String first = lines.stream().map(String::strip)
                    .filter(l -> l.startsWith("Error") || l.startsWith("Exception") || l.contains("Exception:") || l.contains("Error:")
                            || l.startsWith("Unrecognized") || l.startsWith("Caused by"))
                    .findFirst().orElse(lines.isEmpty() ? "no output" : "no error line; see the log");
            return "its JVM exited " + exitCode + " without results: " + first;
        }
    }

    private ChildJvm() {}

    static Outcome run(String classpath, List<String> jvmOptions, String mainClass, List<String> args,
                       Path workDir, String logName, Duration timeout, PrintStream out) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(classpath);
        command.addAll(jvmOptions);
        command.add(mainClass);
        command.addAll(args);
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        Thread pump = new Thread(() -> copy(process, lines, workDir.resolve(logName), out), "sinkcheck-" + logName);
        pump.setDaemon(true);
        pump.start();
        boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor();
        }
        pump.join(TimeUnit.SECONDS.toMillis(10));
        synchronized (lines) {
            return new Outcome(process.exitValue(), !finished, List.copyOf(lines));
        }
    }

    private static void copy(Process process, List<String> lines, Path log, PrintStream out) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter file = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                synchronized (lines) {
                    lines.add(line);
                }
                file.println(line);
                out.println(line);
            }
        } catch (IOException e) {
            out.println("sinkcheck stress: lost the output of " + log.getFileName() + ": " + e.getMessage());
        }
    }
}
