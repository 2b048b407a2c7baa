package org.sinkcheck.gate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the engines keep their run folders (TLC's metadir and logs, jcstress results): the system property
 * {@value #PROPERTY} ({@code ./sinkcheck} sets it to {@code gate/target/work}), else a folder in the
 * system's temporary directory. Never the current directory: the gate litters nothing where it is run.
 */
final class WorkFolder {
    static final String PROPERTY = "sinkcheck.work";

    private WorkFolder() {}

    static Path resolve(String engine) {
        String configured = System.getProperty(PROPERTY);
        Path root = configured != null ? Path.of(configured) : Path.of(System.getProperty("java.io.tmpdir"), "sinkcheck-work");
        Path folder = root.resolve(engine).toAbsolutePath().normalize();
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new GateException("cannot create the work folder " + folder + ": " + e.getMessage(), e);
        }
    }
}
