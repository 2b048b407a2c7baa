package org.sinkcheck.bench.report;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * What one sink still retained after one fork of an event-loop shape, every call completed: JOL's size
 * of everything reachable from the sink, and its registry's high-water mark where the sink exposes one
 * (null where it does not). Forks write one JSON line each; the runner reads them all.
 *
 * @param shape         the benchmark group, e.g. {@code eventLoop}
 * @param impl          the implementation
 * @param retainedBytes JOL's total size of the graph reachable from the sink after the run
 * @param highWaterMark the registry's highest slot ever used, or null
 */
public record Footprint(String shape, String impl, long retainedBytes, Long highWaterMark) {
    /** The system property naming the file forks append their footprints to. */
    public static final String FILE_PROPERTY = "sinkcheck.bench.footprints";
    private static final Gson GSON = new Gson();

    /**
     * Appends {@code footprint} to the file {@link #FILE_PROPERTY} names; without one (a direct
     * {@code java -jar benchmarks.jar} run) prints it to the fork's output instead.
     */
    public static void record(Footprint footprint) {
        String line = GSON.toJson(footprint);
        String file = System.getProperty(FILE_PROPERTY);
        if (file == null) {
            System.out.println("footprint: " + line);
            return;
        }
        try {
            Files.writeString(Path.of(file), line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("bench: cannot append the footprint to " + file, e);
        }
    }

    /** Every footprint in {@code file}, in order; none if it does not exist. */
    public static List<Footprint> readAll(Path file) throws IOException {
        List<Footprint> all = new ArrayList<>();
        if (!Files.exists(file)) return all;
        int number = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            number++;
            if (line.isBlank()) continue;
            try {
                Footprint f = GSON.fromJson(line, Footprint.class);
                if (f == null || f.shape() == null || f.impl() == null) throw new JsonParseException("no shape or impl");
                all.add(f);
            } catch (JsonParseException e) {
                throw new IOException(file + ", line " + number + ": not a footprint (" + e.getMessage() + ")", e);
            }
        }
        return all;
    }
}
