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
import java.util.List;

/**
 * Reads JMH's JSON result format ({@code -rf json}): an array of runs, one per benchmark and parameter
 * combination. A file that is not JMH JSON ends in an {@link IOException} naming the file and what was
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
        JsonObject params = run.has("params") ? run.getAsJsonObject("params") : new JsonObject();
        if (!params.has("impl")) throw new IOException(where + " (" + benchmark + "): no 'impl' parameter");
        int calls = params.has("calls") ? params.get("calls").getAsInt() : 0;
        int neighbourCalls = params.has("neighbourCalls") ? params.get("neighbourCalls").getAsInt() : 0;
        JsonObject metric = run.getAsJsonObject("primaryMetric");
        if (metric == null) throw new IOException(where + " (" + benchmark + "): no primaryMetric");
        JsonObject percentiles = metric.getAsJsonObject("scorePercentiles");
        if (percentiles == null || !percentiles.has("50.0")) {
            throw new IOException(where + " (" + benchmark + "): no median (scorePercentiles.50.0)");
        }
        String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
        return new Score(method, params.get("impl").getAsString(), calls, neighbourCalls,
                percentiles.get("50.0").getAsDouble(), text(metric, "scoreUnit", where), allocationPerOp(run));
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
