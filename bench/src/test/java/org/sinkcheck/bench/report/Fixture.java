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
 * The files of real bench runs (bench/src/test/resources/fixture/RUN: JMH's JSON, the memory probe's,
 * and the event-loop footprints where the run had them), untouched, so the report code is tested on
 * what JMH really writes: {@link #QUICK}, a three-fork quick run with every benchmark of the targets (a
 * trial of the quick profile as it is now, with three warm-up seconds and batches for every
 * implementation), and
 * {@link #ONE_FORK}, an older one-fork quick run without delivery batches or event-loop shapes.
 */
enum Fixture {
    QUICK("2026-12-01-three-forks"),
    ONE_FORK("2026-11-25-one-fork");

    private final String run;

    Fixture(String run) { this.run = run; }

    Path jmhJson() {
        try {
            return Path.of(Fixture.class.getResource("/fixture/" + run + "/jmh-result.json").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonObject memoryJson() throws IOException {
        return JsonParser.parseString(Files.readString(jmhJson().resolveSibling("memory.json"))).getAsJsonObject();
    }

    Map<String, MemoryFigures> memory() throws IOException {
        Map<String, MemoryFigures> figures = new LinkedHashMap<>();
        Gson gson = new Gson();
        memoryJson().getAsJsonObject("byImplementation").entrySet()
                .forEach(e -> figures.put(e.getKey(), gson.fromJson(e.getValue(), MemoryFigures.class)));
        return figures;
    }

    /**
     * The run judged with {@code subject} as the sink under test. In both runs only the limit delivered a
     * batch in one step: the reference sink had no {@code deliverAll} yet.
     */
    BenchReport report(String subject) throws IOException {
        return new BenchReport(JmhJson.read(jmhJson()), subject, subject.equals("limit"),
                memory(), memoryJson().get("pendingCalls").getAsInt(),
                Footprint.readAll(jmhJson().resolveSibling("footprints.jsonl")), "Fixture run " + run + ".");
    }
}
