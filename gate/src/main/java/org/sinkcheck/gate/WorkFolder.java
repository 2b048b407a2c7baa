package org.sinkcheck.gate;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Where the engines keep their run folders (TLC's metadir and logs, jcstress results; a stress run gets a
 * folder of its own, {@link #newRun}): the system property
 * {@value #PROPERTY} ({@code ./sinkcheck} sets it to {@code gate/target/work}), else a folder in the
 * system's temporary directory. Never the current directory: the gate litters nothing where it is run.
 */
final class WorkFolder {
    static final String PROPERTY = "sinkcheck.work";

    private WorkFolder() {}

    /** The name of the link to an engine's newest run folder ({@link #newRun}). */
    static final String LATEST = "latest";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss", Locale.ROOT);

    static Path resolve(String engine) {
        String configured = System.getProperty(PROPERTY);
        Path root = configured != null ? Path.of(configured) : Path.of(System.getProperty("java.io.tmpdir"), "sinkcheck-work");
        return create(root.resolve(engine).toAbsolutePath().normalize());
    }

    /**
     * A new folder for one run of {@code engine} on {@code sink}, {@code <engine>/<time>-<sink>}, that no
     * other run shares (a second run in the same second gets {@code -2}, …), so no run overwrites another's
     * logs and report; {@code <engine>/latest} is then a link to it.
     */
    static Path newRun(String engine, String sink) {
        return newRun(resolve(engine), sink);
    }

    /** {@link #newRun(String, String)} in {@code parent}. */
    static Path newRun(Path parent, String sink) {
        String name = LocalDateTime.now().format(STAMP) + "-" + sink.replaceAll("[^A-Za-z0-9._-]+", "_");
        Path run = null;
        for (int n = 1; run == null; n++) {
            Path candidate = parent.resolve(n == 1 ? name : name + "-" + n);
            try {
                run = Files.createDirectory(candidate);
            } catch (FileAlreadyExistsException taken) {
                // another run of the same second: try the next suffix
            } catch (IOException e) {
                throw new GateException("cannot create the run folder " + candidate + ": " + e.getMessage(), e);
            }
        }
        pointLatestAt(parent, run);
        return run;
    }

    /** Replaces {@code parent/latest} by a link to {@code run}, in one rename; where links cannot be made, there is none. */
    private static void pointLatestAt(Path parent, Path run) {
        Path link = parent.resolve(LATEST + "." + run.getFileName());
        try {
            Files.createSymbolicLink(link, run.getFileName());
            Files.move(link, parent.resolve(LATEST), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | UnsupportedOperationException noLinks) {
            try {
                Files.deleteIfExists(link);
            } catch (IOException ignored) {
                // the run itself is unharmed; only the link to it is missing
            }
        }
    }

    private static Path create(Path folder) {
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new GateException("cannot create the work folder " + folder + ": " + e.getMessage(), e);
        }
    }
}
