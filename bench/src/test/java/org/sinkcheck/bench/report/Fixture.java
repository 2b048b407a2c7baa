package org.sinkcheck.bench.report;

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

    static Map<String, Double> bytesPerCall() throws IOException {
        JsonObject memory = JsonParser.parseString(Files.readString(jmhJson().resolveSibling("memory.json"))).getAsJsonObject();
        Map<String, Double> bytes = new LinkedHashMap<>();
        memory.getAsJsonObject("bytesPerPendingCall").entrySet().forEach(e -> bytes.put(e.getKey(), e.getValue().getAsDouble()));
        return bytes;
    }

    static int memoryCalls() throws IOException {
        return JsonParser.parseString(Files.readString(jmhJson().resolveSibling("memory.json"))).getAsJsonObject()
                .get("pendingCalls").getAsInt();
    }

    /** The fixture judged with {@code subject} as the sink under test. */
    static BenchReport report(String subject) throws IOException {
        return new BenchReport(JmhJson.read(jmhJson()), subject, bytesPerCall(), memoryCalls(), "Fixture run.");
    }
}
