package org.sinkcheck.algo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Java code and the algorithm spec name each other, and the names stay true: every action of
 * CancelAllAlgo.tla cites the lines of ReferenceSink.java it models ({@code [ReferenceSink.java:183]}),
 * each cited line carries the comment {@code CancelAllAlgo!<Action>}, and every such comment in the Java
 * is cited back. Editing either file without the other fails this test.
 */
class CodeNamesSpecTest {
    private static final Path SPEC = Path.of("tla", "CancelAllAlgo.tla");
    private static final Path JAVA = Path.of("..", "reference", "src", "main", "java", "org", "sinkcheck", "reference",
            "ReferenceSink.java");
    private static final Pattern CITATION = Pattern.compile("\\[ReferenceSink\\.java:([\\d,]+)]");
    private static final Pattern DEFINITION = Pattern.compile("^(\\w+)\\(t\\b[^)]*\\) ==", Pattern.MULTILINE);
    private static final Pattern JAVA_NAME = Pattern.compile("CancelAllAlgo!(\\w+)");

    /** Action name to the Java lines its comment cites. */
    private static Map<String, Set<Integer>> citations(List<String> spec) {
        Map<String, Set<Integer>> out = new TreeMap<>();
        for (int i = 0; i < spec.size(); i++) {
            Matcher definition = DEFINITION.matcher(spec.get(i));
            if (!definition.find()) continue;
            Set<Integer> lines = new TreeSet<>();
            for (int j = i - 1; j >= 0 && spec.get(j).startsWith("\\*"); j--) {
                Matcher cited = CITATION.matcher(spec.get(j));
                if (cited.find()) for (String n : cited.group(1).split(",")) lines.add(Integer.parseInt(n));
            }
            if (!lines.isEmpty()) out.put(definition.group(1), lines);
        }
        return out;
    }

    /** The actions a thread takes: every name used in CancelAllAlgo's ThreadStep and Start. */
    private static Set<String> threadActions(String spec) {
        Set<String> out = new TreeSet<>();
        for (String block : List.of("ThreadStep(t) ==", "Start(t) ==")) {
            int from = spec.indexOf(block);
            assertTrue(from >= 0, block);
            String body = spec.substring(from + block.length(), spec.indexOf("\n\n", from));
            Matcher use = Pattern.compile("(\\w+)\\(t\\b").matcher(body);
            while (use.find()) out.add(use.group(1));
        }
        return out;
    }

    @Test
    void everyAlgorithmActionCitesTheJavaLinesThatNameIt() throws IOException {
        String specText = Files.readString(SPEC);
        List<String> java = Files.readAllLines(JAVA);
        Map<String, Set<Integer>> cited = citations(specText.lines().toList());
        Set<String> actions = threadActions(specText);
        assertFalse(actions.isEmpty());
        assertEquals(actions, cited.keySet(), "actions of ThreadStep/Start vs actions citing Java lines");
        cited.forEach((action, lines) -> lines.forEach(line -> assertTrue(
                line <= java.size() && java.get(line - 1).contains("CancelAllAlgo!" + action),
                () -> action + " cites ReferenceSink.java:" + line + ", which does not name it: "
                        + (line <= java.size() ? java.get(line - 1).strip() : "(no such line)"))));
    }

    @Test
    void everyJavaStepThatNamesAnActionIsCitedBackByIt() throws IOException {
        Map<String, Set<Integer>> cited = citations(Files.readAllLines(SPEC));
        List<String> java = Files.readAllLines(JAVA);
        for (int i = 0; i < java.size(); i++) {
            Matcher named = JAVA_NAME.matcher(java.get(i));
            while (named.find()) {
                int line = i + 1;
                String action = named.group(1);
                assertTrue(cited.getOrDefault(action, Set.of()).contains(line),
                        () -> "ReferenceSink.java:" + line + " names CancelAllAlgo!" + action + ", which does not cite it");
            }
        }
    }
}
