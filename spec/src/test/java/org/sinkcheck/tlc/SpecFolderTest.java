package org.sinkcheck.tlc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate runs TLC from jars: the specs come out of a jar's tla/ folder intact, sub-folders included. */
class SpecFolderTest {

    @Test
    void specsAreExtractedFromAJar(@TempDir Path tmp) throws Exception {
        Path jar = tmp.resolve("specs.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            put(out, "tla/CancelAll.tla", "---- MODULE CancelAll ----\n====\n");
            put(out, "tla/CancelAll.cfg", "SPECIFICATION Spec\n");
            put(out, "tla/broken/X.tla", "---- MODULE X ----\n====\n");
            put(out, "org/other.txt", "not a spec");
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            SpecFolder folder = SpecFolder.fromClasspath(loader, tmp.resolve("out"));
            assertEquals(tmp.resolve("out").toAbsolutePath().normalize(), folder.root());
            assertTrue(folder.has("broken/X.tla"));
            assertEquals(java.util.List.of("CancelAll.cfg"), folder.configs());
            assertEquals("SPECIFICATION Spec\n", Files.readString(folder.file("CancelAll.cfg")));
            assertTrue(Files.notExists(folder.root().resolve("org")));
        }
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path tmp) {
        SpecFolder folder = new SpecFolder(tmp);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> folder.file("Nope.tla"));
        assertTrue(e.getMessage().startsWith("no Nope.tla in "), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> folder.file("../escape.tla"));
    }

    @Test
    void aClassPathWithoutSpecsSaysSo(@TempDir Path tmp) throws Exception {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> SpecFolder.fromClasspath(empty, tmp));
            assertTrue(e.getMessage().contains("tla/CancelAll.tla"), e.getMessage());
        }
    }

    private static void put(JarOutputStream out, String name, String text) throws Exception {
        out.putNextEntry(new JarEntry(name));
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
