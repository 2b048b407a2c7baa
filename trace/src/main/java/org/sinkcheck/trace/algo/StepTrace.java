package org.sinkcheck.trace.algo;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sinkcheck.reference.StepLog.Step;

/**
 * A step log of the reference sink ({@link org.sinkcheck.reference.StepLog}) with its quiet points, and
 * its NDJSON file: one line per step, thread by thread in each thread's program order
 * ({@code {"thread":1,"a":"BeginRead","s":"s1","c":"c1","k":0,"i":3,"r":4}}; {@code s}, {@code c},
 * {@code x} left out where the step has none, {@code i}/{@code r} where it is not bracketed), and one line
 * per quiet point ({@code {"quiet":57}}, its ticket). {@code ./sinkcheck trace --algo --validate FILE}
 * reads it back.
 *
 * @param threads each thread's steps in its program order
 * @param quiet   the quiet points' tickets, ascending
 */
public record StepTrace(List<List<Step>> threads, List<Long> quiet) {
    public StepTrace {
        threads = threads.stream().map(List::copyOf).toList();
        quiet = quiet.stream().sorted().toList();
    }

    /** A log without quiet points: checked whole. */
    public static StepTrace of(List<List<Step>> threads) { return new StepTrace(threads, List.of()); }

    public int steps() { return threads.stream().mapToInt(List::size).sum(); }

    /** Thrown for a step log file that is missing, unreadable or malformed; the message is one line naming the file and line. */
    public static final class BadStepLogException extends RuntimeException {
        BadStepLogException(String message) { super(message); }
    }

    public void write(Path file) {
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (int t = 0; t < threads.size(); t++) {
                    for (Step s : threads.get(t)) {
                        JsonObject o = new JsonObject();
                        o.addProperty("thread", t + 1);
                        o.addProperty("a", s.action());
                        if (s.sink() != null) o.addProperty("s", s.sink());
                        if (s.call() != null) o.addProperty("c", s.call());
                        o.addProperty("k", s.k());
                        if (s.x() != null) o.addProperty("x", s.x());
                        if (s.inv() != 0 || s.ret() != Long.MAX_VALUE) {
                            o.addProperty("i", s.inv());
                            o.addProperty("r", s.ret());
                        }
                        out.write(o.toString());
                        out.newLine();
                    }
                }
                for (long q : quiet) {
                    out.write("{\"quiet\":" + q + "}");
                    out.newLine();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the step log " + file, e);
        }
    }

    /** Reads a file {@link #write} wrote (blank lines skipped); a thread's lines must be in its program order. */
    public static StepTrace read(Path file) {
        List<List<Step>> threads = new ArrayList<>();
        List<Long> quiet = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                if (line.isBlank()) continue;
                try {
                    JsonObject o = JsonParser.parseString(line).getAsJsonObject();
                    if (o.has("quiet")) {
                        quiet.add(o.get("quiet").getAsLong());
                        continue;
                    }
                    int thread = required(o, "thread").getAsInt();
                    if (thread < 1) throw new IllegalArgumentException("thread must be at least 1, not " + thread);
                    while (threads.size() < thread) threads.add(new ArrayList<>());
                    boolean bracketed = o.has("i") || o.has("r");
                    threads.get(thread - 1).add(new Step(required(o, "a").getAsString(), text(o, "s"), text(o, "c"),
                            o.has("k") ? o.get("k").getAsInt() : 0, text(o, "x"),
                            bracketed ? required(o, "i").getAsLong() : 0, bracketed ? required(o, "r").getAsLong() : Long.MAX_VALUE));
                } catch (JsonParseException e) {
                    throw new BadStepLogException(file + ":" + number + ": not a step log line (not a JSON object): " + line);
                } catch (IllegalStateException | UnsupportedOperationException | NumberFormatException e) {
                    throw new BadStepLogException(file + ":" + number + ": not a step log line (a field of the wrong type): " + line);
                } catch (IllegalArgumentException e) {
                    throw new BadStepLogException(file + ":" + number + ": " + e.getMessage());
                }
            }
        } catch (NoSuchFileException e) {
            throw new BadStepLogException("no such step log file: " + file);
        } catch (IOException e) {
            throw new BadStepLogException("cannot read the step log " + file + ": " + e.getMessage());
        }
        if (threads.stream().allMatch(List::isEmpty)) throw new BadStepLogException(file + ": no steps in the step log");
        return new StepTrace(threads, quiet);
    }

    private static JsonElement required(JsonObject o, String field) {
        JsonElement e = o.get(field);
        if (e == null || e.isJsonNull()) throw new IllegalArgumentException("a step needs the field \"" + field + "\"");
        return e;
    }

    private static String text(JsonObject o, String field) {
        JsonElement e = o.get(field);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }
}
