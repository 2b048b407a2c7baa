package org.sinkcheck.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad input gets exit 2 and exactly one line on stderr that says what was wrong; the stack
 * trace appears only under {@code --verbose}. Nothing runs before the input is known to be good.
 */
class BadInputTest {

    private static void assertOneLineError(Cli cli, String expectedLine) {
        assertEquals(Sinkcheck.USAGE, cli.exitCode(), cli::toString);
        assertEquals(List.of(expectedLine), cli.errLines(), cli::toString);
        assertEquals("", cli.out(), "nothing may run on bad input\n" + cli);
    }

    @Test
    void unknownAdapterClass() {
        assertOneLineError(Cli.run("check", "--sink", "com.example.NoSuchAdapter"),
                "sinkcheck: adapter class not found: com.example.NoSuchAdapter (is its jar or folder on --classpath?)");
    }

    @Test
    void classThatIsNotAnAdapter() {
        assertOneLineError(Cli.run("check", "--sink", "java.lang.String"),
                "sinkcheck: java.lang.String is not a sink adapter: it does not implement org.sinkcheck.kit.SinkAdapter");
    }

    @Test
    void adapterWhoseConstructorThrows() {
        assertOneLineError(Cli.run("check", "--sink", "org.sinkcheck.gate.fixtures.ThrowingAdapter"),
                "sinkcheck: adapter org.sinkcheck.gate.fixtures.ThrowingAdapter threw while being constructed: "
                        + "IllegalStateException: no licence server configured");
    }

    @Test
    void missingClasspathEntry(@TempDir Path dir) {
        String missing = dir.resolve("no-such-sink.jar").toString();
        assertOneLineError(Cli.run("check", "--classpath", dir + ":" + missing, "--sink", "com.example.MyAdapter"),
                "sinkcheck: --classpath entry not found: " + missing);
    }

    @Test
    void SC11_aWaiverOfNoRuleOrOfARuleTheSinkIsCheckedOnIsRefused() {
        assertOneLineError(Cli.run("check", "--waive", "SC-17"),
                "sinkcheck: --waive: cannot waive 'SC-17': no such rule (the rules are SC-01 to SC-16)");
        assertOneLineError(Cli.run("check", "--waive", "SC-11"),
                "sinkcheck: --waive: cannot waive SC-11: it is not N/A for this sink, the kit checks it"
                        + " (only a MUST rule whose promise the adapter does not declare can be waived)");
    }

    @Test
    void stressTraceAndRacesThatCannotBeUsed() {
        assertOneLineError(Cli.run("stress", "--trace", "-1"), "sinkcheck: --trace must be 0 or more, not -1");
        assertOneLineError(Cli.run("stress", "--races", "(SC05"), "sinkcheck: --races is not a regular expression: Unclosed group");
    }

    @Test
    void unknownOption() {
        assertOneLineError(Cli.run("check", "--bogus"),
                "sinkcheck: unknown option: '--bogus'; usage: sinkcheck check [OPTIONS] (see 'sinkcheck check --help')");
    }

    @Test
    void traceFileThatDoesNotExist(@TempDir Path dir) {
        Path missing = dir.resolve("no-such-trace.ndjson");
        assertOneLineError(Cli.run("trace", "--validate", missing.toString()), "sinkcheck: no trace file " + missing);
    }

    @Test
    void traceFileWithAMalformedLineNamesTheLine(@TempDir Path dir) throws java.io.IOException {
        Path file = dir.resolve("broken.ndjson");
        java.nio.file.Files.writeString(file, "{\"seq\":1,\"thread\":1,\"kind\":\"inv\",\"op\":\"cancel\",\"sink\":\"s1\"}\n"
                + "{\"seq\":2,\"thread\":1,\"kind\":\"ret\",\"op\":\"cancel\",\"sink\":\"s1\"\n");
        Cli cli = Cli.run("trace", "--validate", file.toString());
        assertEquals(Sinkcheck.USAGE, cli.exitCode(), cli::toString);
        assertEquals(1, cli.errLines().size(), cli::toString);
        assertTrue(cli.errLines().get(0).startsWith("sinkcheck: " + file + ":2: not JSON: "), cli::toString);
    }

    @Test
    void soakLengthMustBePositive() {
        assertOneLineError(Cli.run("soak", "--minutes", "0"), "sinkcheck: --minutes must be at least 1, not 0");
    }

    /** A trace the soak could not write is found before the soak runs, not after its minutes (old: exit 3 once it was over). */
    @Test
    void soakTraceThatCannotBeWritten(@TempDir Path dir) throws java.io.IOException {
        assertOneLineError(Cli.run("soak", "--seconds", "1", "--trace"),
                "sinkcheck: missing required parameter for option '--trace' (FILE); usage: sinkcheck soak [OPTIONS] (see 'sinkcheck soak --help')");
        assertOneLineError(Cli.run("soak", "--seconds", "1", "--trace", dir.toString()),
                "sinkcheck: --trace " + dir + " is a folder: it names the file the trace is written to");
        Path underAFile = java.nio.file.Files.writeString(dir.resolve("a-file"), "").resolve("run.ndjson");
        Cli cli = Cli.run("soak", "--seconds", "1", "--trace", underAFile.toString());
        assertEquals(Sinkcheck.USAGE, cli.exitCode(), cli::toString);
        assertEquals(1, cli.errLines().size(), cli::toString);
        assertTrue(cli.err().startsWith("sinkcheck: --trace " + underAFile + " cannot be written: "), cli::toString);
        assertEquals("", cli.out(), "nothing may run on bad input\n" + cli);
        assertOneLineError(Cli.run("soak", "--seconds", "1", "--trace", dir.resolve("run.ndjson").toString(), "--trace-events", "0"),
                "sinkcheck: --trace-events must be at least 1, not 0");
    }

    @Test
    void benchWithUnknownSubject() {
        assertOneLineError(Cli.run("bench", "--sink", "com.example.NoSuchAdapter"),
                "sinkcheck: bench: unknown implementation 'com.example.NoSuchAdapter' (adapter class not found: "
                        + "com.example.NoSuchAdapter (is its jar or folder on --classpath?))");
    }

    @Test
    void reportDirThatCannotBeCreated(@TempDir Path dir) throws Exception {
        Path file = java.nio.file.Files.writeString(dir.resolve("a-file"), "");
        Cli cli = Cli.run("check", "--report-dir", file.resolve("reports").toString());
        assertEquals(Sinkcheck.USAGE, cli.exitCode(), cli::toString);
        assertEquals(1, cli.errLines().size(), cli::toString);
        assertTrue(cli.err().startsWith("sinkcheck: --report-dir " + file.resolve("reports") + " cannot be created: "), cli::toString);
    }

    @Test
    void unknownSubcommand() {
        Cli cli = Cli.run("frob");
        assertEquals(Sinkcheck.USAGE, cli.exitCode(), cli::toString);
        assertEquals(1, cli.errLines().size(), cli::toString);
        assertTrue(cli.err().startsWith("sinkcheck: unknown command 'frob' (commands: check"), cli::toString);
        assertTrue(cli.err().strip().endsWith("usage: sinkcheck [OPTIONS] COMMAND (see 'sinkcheck --help')"), cli::toString);
    }

    @Test
    void noSubcommand() {
        assertOneLineError(Cli.run(),
                "sinkcheck: a command is needed; usage: sinkcheck [OPTIONS] COMMAND (see 'sinkcheck --help')");
    }

    @Test
    void verboseAddsTheStackTrace() {
        Cli cli = Cli.run("check", "--verbose", "--sink", "org.sinkcheck.gate.fixtures.ThrowingAdapter");
        assertEquals(Sinkcheck.USAGE, cli.exitCode(), cli::toString);
        List<String> lines = cli.errLines();
        assertTrue(lines.get(0).startsWith("sinkcheck: adapter org.sinkcheck.gate.fixtures.ThrowingAdapter threw"), cli::toString);
        assertTrue(lines.contains("Caused by: java.lang.IllegalStateException: no licence server configured"), cli::toString);
        assertTrue(lines.stream().anyMatch(l -> l.contains("at org.sinkcheck.gate.fixtures.ThrowingAdapter")), cli::toString);
    }

    @Test
    void verboseBeforeTheSubcommandCountsToo() {
        Cli cli = Cli.run("--verbose", "check", "--sink", "com.example.NoSuchAdapter");
        assertEquals(Sinkcheck.USAGE, cli.exitCode(), cli::toString);
        assertTrue(cli.err().contains("java.lang.ClassNotFoundException: com.example.NoSuchAdapter"), cli::toString);
    }
}
