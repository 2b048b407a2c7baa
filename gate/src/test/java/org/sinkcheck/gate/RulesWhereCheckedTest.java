package org.sinkcheck.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * RULES.md's table "Where each rule is checked" is how a reader goes from a rule to the code that checks
 * it, so every name in it must exist: each test ({@code module: `Class.method`}, a parameterized case
 * {@code method[display name]}, or a prefix ending in …) is a method of that class in that module whose
 * name, or case name, carries the row's rule id; each jcstress race is a class in {@code stress}, each
 * mutant a class in {@code mutants}. A renamed or deleted test fails here, not in a reader's search.
 */
class RulesWhereCheckedTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern ROW = Pattern.compile("^\\| (SC-\\d\\d) \\|(.*)$", Pattern.MULTILINE);
    private static final Pattern TEST = Pattern.compile("^([\\w-]+): `(\\w+)(?:\\.(\\w+)(…)?(?:\\[([^\\]]+)])?)?`");
    /** Each module's Java sources by class name, read on first use. */
    private static final Map<String, Map<String, String>> SOURCES = new HashMap<>();
    private static final Pattern CLASS_NAME = Pattern.compile("`(\\w+)`");

    @Test
    void everyTestRaceAndMutantTheTableNamesExistsAndTestNamesCarryTheirRule() throws IOException {
        List<String> wrong = wrongNames(Files.readString(ROOT.resolve("RULES.md")));
        assertTrue(wrong.isEmpty(), "RULES.md names what does not exist, or a test without its rule id:\n  "
                + String.join("\n  ", wrong));
    }

    @Test
    void aRenamedTestAMutantThatIsGoneAndATestWithoutItsRuleIdAreEachCaught() throws IOException {
        String rules = Files.readString(ROOT.resolve("RULES.md"))
                .replace("`ReferenceSinkRulesTest.SC01_cancelEndsEveryPendingCall`", "`ReferenceSinkRulesTest.SC01_cancelEndsEveryCall`")
                .replace("`SC07_IdleCancelThrows`", "`SC07_IdleCancelHangs`")
                .replace("`SinkVerification.required_SC08_reusableAfterCancel`", "`SinkVerification.required_SC01_scopeAll`");
        assertEquals(List.of(
                "SC-01: no method ReferenceSinkRulesTest.SC01_cancelEndsEveryCall in module reference",
                "SC-07: no mutant SC07_IdleCancelHangs in module mutants",
                "SC-08: the test name SinkVerification.required_SC01_scopeAll does not carry SC08"), wrongNames(rules));
    }

    /** What the table names that does not exist, or tests whose names do not carry their row's rule id. */
    private static List<String> wrongNames(String rules) {
        String table = rules.substring(rules.indexOf("## Where each rule is checked"));
        List<String> wrong = new ArrayList<>();
        int rows = 0;
        int names = 0;
        for (Matcher row = ROW.matcher(table); row.find(); rows++) {
            String rule = row.group(1);
            String[] cells = row.group(2).split("\\|");
            for (String entry : cells[0].trim().split("<br>")) {
                names++;
                Matcher test = TEST.matcher(entry.trim());
                if (!test.find()) {
                    wrong.add(rule + ": not `module: Class.method`: " + entry);
                    continue;
                }
                checkTest(rule, test.group(1), test.group(2), test.group(3), test.group(4) != null, test.group(5), wrong);
            }
            names += checkClasses(rule, cells[1], "stress", "jcstress race", wrong);
            names += checkClasses(rule, cells[2], "mutants", "mutant", wrong);
        }
        assertEquals(16, rows, "one row per rule in RULES.md's \"Where each rule is checked\"");
        assertTrue(names > 150, "only " + names + " names found: is the table's format still the one parsed here?");
        return wrong;
    }

    private static void checkTest(String rule, String module, String className, String method, boolean prefix,
                                  String caseName, List<String> wrong) {
        Optional<String> source = source(module, className);
        if (source.isEmpty()) {
            wrong.add(rule + ": no class " + className + " in module " + module);
            return;
        }
        if (method == null) return; // the class as a whole
        String declared = "\\b" + Pattern.quote(method) + (prefix ? "\\w*" : "") + "\\s*\\(";
        if (!Pattern.compile(declared).matcher(source.get()).find()) {
            wrong.add(rule + ": no method " + className + "." + method + (prefix ? "…" : "") + " in module " + module);
        }
        if (caseName != null && !source.get().contains(caseName)) {
            wrong.add(rule + ": " + className + "." + method + " has no case named " + caseName);
        }
        String named = caseName != null ? caseName : method;
        if (!named.contains(rule.replace("-", ""))) {
            wrong.add(rule + ": the test name " + className + "." + named + " does not carry " + rule.replace("-", ""));
        }
    }

    private static int checkClasses(String rule, String cell, String module, String what, List<String> wrong) {
        int found = 0;
        for (Matcher name = CLASS_NAME.matcher(cell); name.find(); found++) {
            if (source(module, name.group(1)).isEmpty()) wrong.add(rule + ": no " + what + " " + name.group(1) + " in module " + module);
        }
        return found;
    }

    /** The source of {@code className} in {@code module}'s main or test code, if there is one. */
    private static Optional<String> source(String module, String className) {
        return Optional.ofNullable(SOURCES.computeIfAbsent(module, RulesWhereCheckedTest::sourcesOf).get(className));
    }

    /** The text of every Java file of {@code module}'s sources, by class name. */
    private static Map<String, String> sourcesOf(String module) {
        Path src = ROOT.resolve(module).resolve("src");
        if (!Files.isDirectory(src)) return Map.of();
        try (Stream<Path> files = Files.walk(src)) {
            return files.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toMap(
                    p -> p.getFileName().toString().replaceFirst("\\.java$", ""), RulesWhereCheckedTest::read, (first, other) -> first));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
