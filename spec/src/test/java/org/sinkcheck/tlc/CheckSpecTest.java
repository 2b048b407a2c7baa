package org.sinkcheck.tlc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line's bad input: one line naming what was wrong, exit code 2, and no TLC run. */
class CheckSpecTest {

    private static String run(List<String> args, int expectedExit) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = CheckSpec.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(expectedExit, exit, out);
        return out;
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        String out = run(List.of("--huge"), 2);
        assertTrue(out.startsWith("CheckSpec: unknown option --huge. Usage: CheckSpec [--large]"), out);
        assertEquals(1, out.strip().lines().count());
    }

    @Test
    void anUnknownConfigurationIsNamedWithTheOnesThatExist() {
        String out = run(List.of("Nope.cfg"), 2);
        assertTrue(out.contains("no configuration Nope.cfg") && out.contains("CancelAll.cfg"), out);
    }

    @Test
    void anUnknownModuleIsNamed() {
        String out = run(List.of("Nope.tla:CancelAll.cfg"), 2);
        assertTrue(out.contains("no module Nope.tla"), out);
    }
}
