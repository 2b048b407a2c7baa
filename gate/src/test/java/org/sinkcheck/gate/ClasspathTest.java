package org.sinkcheck.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An author's adapter that is not on the gate's class path is found through {@code --classpath}: the test
 * compiles one into a fresh folder, shows the gate cannot see it without the option, then soaks it briefly
 * through the option (the soak is the cheapest command that runs a sink).
 */
class ClasspathTest {
    private static final String ADAPTER = "com.example.sink.AuthorsAdapter";

    @Test
    @Timeout(120)
    void adapterLoadedFromAClassFolder(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("src/com/example/sink/AuthorsAdapter.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, """
                package com.example.sink;
                public final class AuthorsAdapter extends org.sinkcheck.gate.fixtures.ForwardingAdapter {
                    public AuthorsAdapter() { super(new org.sinkcheck.reference.adapter.ReferenceSinkAdapter()); }
                }
                """);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int compiled = javac.run(null, null, null, "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"), source.toString());
        assertEquals(0, compiled, "the fixture adapter did not compile");

        Cli without = Cli.run("soak", "--seconds", "1", "--sink", ADAPTER);
        assertEquals(Sinkcheck.USAGE, without.exitCode(), without::toString);
        assertEquals(List.of("sinkcheck: adapter class not found: " + ADAPTER + " (is its jar or folder on --classpath?)"),
                without.errLines());

        Cli with = Cli.run("soak", "--seconds", "1", "--threads", "2", "--sink", ADAPTER, "--classpath", classes.toString());
        assertEquals(Sinkcheck.OK, with.exitCode(), with::toString);
        assertTrue(with.out().contains("violations 0"), with::toString);
    }
}
