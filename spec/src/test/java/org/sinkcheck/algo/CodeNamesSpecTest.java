package org.sinkcheck.algo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Java code and the specs cite each other by name, and the names stay true both ways, with no line
 * numbers to keep in step. Every action a thread of CancelAllAlgo.tla takes cites, in the comment above
 * it, the ReferenceSink methods it models ({@code ReferenceSink.begin}); each Java line that performs an
 * action carries the tag {@code // CancelAllAlgo!<Action>}; every tag names an action, every action is
 * tagged, and each tag sits in a method its action cites. Every {@code Class.method} either spec cites
 * (CancelAllAlgo.tla, SlotAllocator.tla) is a method or field that class declares.
 */
class CodeNamesSpecTest {
    private static final Path TLA = Path.of("tla");
    private static final Path JAVA = Path.of("..", "reference", "src", "main", "java", "org", "sinkcheck", "reference");
    private static final Pattern ACTION = Pattern.compile("^(\\w+)\\(t\\b[^)]*\\) ==", Pattern.MULTILINE);
    private static final Pattern CITED = Pattern.compile("\\b(ReferenceSink|Registry|Stripe|Chunk)\\.(?!java\\b)(\\w+)");
    private static final Pattern TAG = Pattern.compile("CancelAllAlgo!(\\w+)");
    /** A member method of a top-level class: four spaces in, a name and an open parenthesis, no semicolon. */
    private static final Pattern METHOD = Pattern.compile("^    (?![ @])(?!return|throw|new )[\\w<>\\[\\], ?]*\\b(\\w+)\\([^;]*$");

    /** Action name to the ReferenceSink methods its comment cites. */
    private static Map<String, Set<String>> citations(List<String> spec) {
        Map<String, Set<String>> out = new TreeMap<>();
        for (int i = 0; i < spec.size(); i++) {
            Matcher action = ACTION.matcher(spec.get(i));
            if (!action.find()) continue;
            Set<String> methods = new TreeSet<>();
            for (int j = i - 1; j >= 0 && spec.get(j).startsWith("\\*"); j--) {
                Matcher cited = CITED.matcher(spec.get(j));
                while (cited.find()) if (cited.group(1).equals("ReferenceSink")) methods.add(cited.group(2));
            }
            out.put(action.group(1), methods);
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

    /** Each tag of ReferenceSink.java with the method whose body holds it, as {@code Action@method}. */
    private static List<String> tags(List<String> java) {
        List<String> out = new ArrayList<>();
        String method = null;
        for (String line : java) {
            Matcher m = METHOD.matcher(line);
            if (m.find()) method = m.group(1);
            Matcher tag = TAG.matcher(line);
            while (tag.find()) out.add(tag.group(1) + "@" + method);
        }
        return out;
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file);
    }

    @Test
    void everyThreadActionCitesTheReferenceSinkMethodsThatCarryItsTag() throws IOException {
        String spec = read(TLA.resolve("CancelAllAlgo.tla"));
        Map<String, Set<String>> cited = citations(spec.lines().toList());
        Set<String> actions = threadActions(spec);
        assertFalse(actions.isEmpty());
        Set<String> tagged = new TreeSet<>();
        for (String tag : tags(Files.readAllLines(JAVA.resolve("ReferenceSink.java")))) {
            String action = tag.substring(0, tag.indexOf('@'));
            String method = tag.substring(tag.indexOf('@') + 1);
            assertTrue(actions.contains(action), "ReferenceSink." + method + " carries CancelAllAlgo!" + action + ", which is no thread action");
            assertTrue(cited.get(action).contains(method),
                    () -> "CancelAllAlgo!" + action + " is tagged in ReferenceSink." + method + ", which its comment does not cite: " + cited.get(action));
            tagged.add(action);
        }
        assertEquals(actions, tagged, "thread actions vs actions tagged in ReferenceSink.java");
        for (String action : actions) assertFalse(cited.get(action).isEmpty(), action + " cites no ReferenceSink method");
    }

    @Test
    void everyJavaMethodTheSpecsCiteExists() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String spec : List.of("CancelAllAlgo.tla", "SlotAllocator.tla")) {
            Matcher cited = CITED.matcher(read(TLA.resolve(spec)));
            while (cited.find()) {
                String java = read(JAVA.resolve(cited.group(1) + ".java"));
                if (!java.matches("(?s).*\\b" + cited.group(2) + "\\s*[(=;].*")) missing.add(spec + ": " + cited.group());
            }
        }
        assertTrue(missing.isEmpty(), "cited but not declared: " + missing);
    }

    @Test
    void noSpecCitesJavaByLineNumber() throws IOException {
        try (var files = Files.walk(TLA)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".tla"))::iterator) {
                assertFalse(read(f).matches("(?s).*\\.java:\\d.*"), f + " cites Java by line number");
            }
        }
    }
}
