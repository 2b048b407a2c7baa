package org.sinkcheck.tlc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Where the {@code .tla} and {@code .cfg} files are: the working tree's {@code spec/tla} when there is
 * one (so an edited spec is what gets checked), otherwise the copy the spec jar carries under
 * {@code tla/} (so the gate can model-check from its jars anywhere).
 *
 * <p>Lookup order: system property {@code sinkcheck.tla}; {@code spec/tla}, {@code tla} or
 * {@code ../spec/tla} below the working directory (repository root, the spec module, a sibling
 * module); the {@code tla/} resources on the class path, extracted to a folder of the caller's choice.
 */
public record SpecFolder(Path root) {
    /** The file every sinkcheck spec folder holds; how a candidate folder is recognised. */
    static final String MARKER = "CancelAll.tla";
    private static final String RESOURCE_DIR = "tla/";

    public SpecFolder {
        root = root.toAbsolutePath().normalize();
    }

    /** The folder to check, extracting from the class path into {@code extractTo} if there is no working tree. */
    public static SpecFolder locate(Path extractTo) {
        String configured = System.getProperty("sinkcheck.tla");
        if (configured != null) {
            Path p = Path.of(configured);
            if (!Files.isRegularFile(p.resolve(MARKER))) {
                throw new IllegalArgumentException("sinkcheck.tla=" + configured + " holds no " + MARKER);
            }
            return new SpecFolder(p);
        }
        for (String candidate : List.of("spec/tla", "tla", "../spec/tla")) {
            Path p = Path.of(candidate);
            if (Files.isRegularFile(p.resolve(MARKER))) return new SpecFolder(p);
        }
        return fromClasspath(SpecFolder.class.getClassLoader(), extractTo);
    }

    /**
     * The {@code tla/} resources of {@code loader}: used in place when they are plain files (a build's
     * {@code target/classes}), copied to {@code extractTo} when they are inside a jar.
     */
    public static SpecFolder fromClasspath(ClassLoader loader, Path extractTo) {
        URL marker = loader.getResource(RESOURCE_DIR + MARKER);
        if (marker == null) {
            throw new IllegalStateException("no spec/tla folder here and no " + RESOURCE_DIR + MARKER + " on the class path");
        }
        try {
            if (marker.getProtocol().equals("file")) {
                return new SpecFolder(Path.of(marker.toURI()).getParent());
            }
            if (marker.openConnection() instanceof JarURLConnection jar) {
                jar.setUseCaches(false);
                try (JarFile file = jar.getJarFile()) {
                    extract(file, extractTo);
                }
                return new SpecFolder(extractTo);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the specs from " + marker, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("bad resource URL " + marker, e);
        }
        throw new IllegalStateException("cannot read the specs from " + marker + " (protocol " + marker.getProtocol() + ")");
    }

    private static void extract(JarFile jar, Path to) throws IOException {
        Enumeration<JarEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
            JarEntry entry = entries.nextElement();
            if (!entry.getName().startsWith(RESOURCE_DIR) || entry.isDirectory()) continue;
            Path target = to.resolve(entry.getName().substring(RESOURCE_DIR.length())).normalize();
            if (!target.startsWith(to.normalize())) throw new IOException("entry escapes the folder: " + entry.getName());
            Files.createDirectories(target.getParent());
            try (InputStream in = jar.getInputStream(entry)) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** The file {@code relative} (e.g. {@code broken/X.tla}) of this folder, which must exist. */
    public Path file(String relative) {
        Path p = root.resolve(relative).normalize();
        if (!p.startsWith(root) || !Files.isRegularFile(p)) {
            throw new IllegalArgumentException("no " + relative + " in " + root);
        }
        return p;
    }

    public boolean has(String relative) {
        return Files.isRegularFile(root.resolve(relative));
    }

    /**
     * Copies the whole folder into {@code to}, so that a run can write next to the specs without touching
     * them; what {@code to} held before is removed first, so the copy is exact.
     */
    public void copyTo(Path to) {
        deleteTree(to);
        try (Stream<Path> files = Files.walk(root)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(root.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + root + " to " + to, e);
        }
    }

    /** Deletes {@code dir} and everything in it, if it exists. */
    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    /** Every {@code .cfg} directly in the folder, by name. */
    public List<String> configs() {
        try (Stream<Path> files = Files.list(root)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".cfg")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }
}
