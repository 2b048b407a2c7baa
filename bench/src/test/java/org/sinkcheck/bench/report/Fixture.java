package org.sinkcheck.bench.report;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The results of one real quick-profile run (bench/src/test/resources/fixture: JMH's JSON and the
 * memory probe's), untouched, so the report code is tested on what JMH really writes.
 */
final class Fixture {
    private Fixture() {}

    static Path jmhJson() {
        try {
            return Path.of(Fixture.class.getResource("/fixture/jmh-result.json").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, MemoryFigures> memory() throws IOException {
        JsonObject memory = JsonParser.parseString(Files.readString(jmhJson().resolveSibling("memory.json"))).getAsJsonObject();
        Map<String, MemoryFigures> figures = new LinkedHashMap<>();
        Gson gson = new Gson();
        memory.getAsJsonObject("byImplementation").entrySet()
                .forEach(e -> figures.put(e.getKey(), gson.fromJson(e.getValue(), MemoryFigures.class)));
        return figures;
    }

    static int memoryCalls() throws IOException {
        return JsonParser.parseString(Files.readString(jmhJson().resolveSibling("memory.json"))).getAsJsonObject()
                .get("pendingCalls").getAsInt();
    }

    /** The fixture judged with {@code subject} as the sink under test. */
    static BenchReport report(String subject) throws IOException {
        return new BenchReport(JmhJson.read(jmhJson()), subject, memory(), memoryCalls(), "Fixture run.");
    }
}
