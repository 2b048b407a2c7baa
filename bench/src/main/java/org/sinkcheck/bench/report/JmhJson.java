package org.sinkcheck.bench.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JMH's JSON result format ({@code -rf json}): an array of runs, one per benchmark and parameter
 * combination, each with the scores of every iteration of every fork. A file that is not JMH JSON ends in an {@link IOException} naming the file and what was
 * missing, never in a partial list.
 */
public final class JmhJson {
    /** The GC profiler's metric; older JMH versions prefix it with a middle dot. */
    private static final String ALLOCATION_PER_OP = "gc.alloc.rate.norm";
    private JmhJson() {}

    /** The scores in {@code file}, in file order. */
    public static List<Score> read(Path file) throws IOException {
        JsonElement root;
        try {
            root = JsonParser.parseString(Files.readString(file));
        } catch (JsonParseException e) {
            throw new IOException(file + " is not JSON: " + e.getMessage(), e);
        }
        if (!root.isJsonArray()) throw new IOException(file + " is not JMH JSON: expected an array of benchmark runs");
        List<Score> scores = new ArrayList<>();
        int index = 0;
        for (JsonElement run : root.getAsJsonArray()) {
            scores.add(score(file, index++, run));
        }
        return scores;
    }

    /** Concatenates several JMH JSON files into one array (one run of the bench, several JMH passes). */
    public static void merge(List<Path> parts, Path into) throws IOException {
        JsonArray all = new JsonArray();
        for (Path part : parts) {
            JsonElement runs = JsonParser.parseString(Files.readString(part));
            if (!runs.isJsonArray()) throw new IOException(part + " is not JMH JSON: expected an array of benchmark runs");
            all.addAll(runs.getAsJsonArray());
        }
        Files.writeString(into, all.toString());
    }

    private static Score score(Path file, int index, JsonElement element) throws IOException {
        String where = file + ", run " + index;
        if (!element.isJsonObject()) throw new IOException(where + ": not an object");
        JsonObject run = element.getAsJsonObject();
        String benchmark = text(run, "benchmark", where);
        where += " (" + benchmark + ")";
        JsonObject params = run.has("params") ? run.getAsJsonObject("params") : new JsonObject();
        if (!params.has("impl")) throw new IOException(where + ": no 'impl' parameter");
        JsonObject metric = run.getAsJsonObject("primaryMetric");
        if (metric == null) throw new IOException(where + ": no primaryMetric");
        Map<String, Spread> methods = new LinkedHashMap<>();
        JsonObject secondary = run.getAsJsonObject("secondaryMetrics");
        if (secondary != null) {
            for (String name : secondary.keySet()) {
                // A group's methods are named as declared; profilers' metrics carry a dot ("gc.time")
                // and may have forks without a sample.
                if (!name.contains(".")) methods.put(name, perFork(secondary.getAsJsonObject(name), where + ", " + name));
            }
        }
        String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
        return new Score(method, params.get("impl").getAsString(), intParam(params, "calls"), intParam(params, "neighbourCalls"),
                intParam(params, "batch"), perFork(metric, where), text(metric, "scoreUnit", where), allocationPerOp(run), methods);
    }

    /**
     * The spread of a metric's per-fork figures: JMH's {@code rawData} holds one array of iteration
     * scores per fork, and a fork's figure is their median.
     */
    private static Spread perFork(JsonObject metric, String where) throws IOException {
        JsonElement raw = metric.get("rawData");
        if (raw == null || !raw.isJsonArray() || raw.getAsJsonArray().isEmpty()) throw new IOException(where + ": no rawData (per-fork iteration scores)");
        List<Double> forks = new ArrayList<>();
        for (JsonElement fork : raw.getAsJsonArray()) {
            if (!fork.isJsonArray() || fork.getAsJsonArray().isEmpty()) throw new IOException(where + ": a fork without iteration scores in rawData");
            List<Double> iterations = new ArrayList<>();
            for (JsonElement score : fork.getAsJsonArray()) iterations.add(score.getAsDouble());
            forks.add(Spread.median(iterations));
        }
        return Spread.of(forks);
    }

    private static int intParam(JsonObject params, String name) {
        return params.has(name) ? params.get(name).getAsInt() : 0;
    }

    /** {@code -prof gc}'s bytes allocated per operation, NaN without the profiler. */
    private static double allocationPerOp(JsonObject run) {
        JsonObject secondary = run.getAsJsonObject("secondaryMetrics");
        if (secondary == null) return Double.NaN;
        for (String name : secondary.keySet()) {
            if (name.endsWith(ALLOCATION_PER_OP)) return secondary.getAsJsonObject(name).get("score").getAsDouble();
        }
        return Double.NaN;
    }

    private static String text(JsonObject object, String member, String where) throws IOException {
        JsonElement value = object.get(member);
        if (value == null || !value.isJsonPrimitive()) throw new IOException(where + ": no '" + member + "'");
        return value.getAsString();
    }
}
