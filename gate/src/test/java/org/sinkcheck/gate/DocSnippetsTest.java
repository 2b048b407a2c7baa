package org.sinkcheck.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The guide's code is the example projects' code: every block a page marks
 * {@code <!-- snippet: path#name -->} equals, line for line (indentation aside), the lines between the two
 * {@code // --8<-- [name]} markers in that file, which CI compiles and runs; and the versions the guide's
 * dependency snippet names are the ones the build pins.
 */
class DocSnippetsTest {
    private static final Pattern SNIPPET = Pattern.compile("<!-- snippet: ([^#\\s]+)#(\\S+) -->\\s*```\\w*\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyQuotedSnippetMatchesTheFileItQuotes() throws IOException {
        int quoted = 0;
        for (Path page : DocsLinksTest.pages()) {
            Matcher m = SNIPPET.matcher(Files.readString(page));
            while (m.find()) {
                quoted++;
                String where = DocsLinksTest.ROOT.relativize(page) + " quoting " + m.group(1) + "#" + m.group(2);
                assertEquals(dedent(region(DocsLinksTest.ROOT.resolve(m.group(1)), m.group(2), where)), dedent(m.group(3).lines().toList()), where);
            }
        }
        assertTrue(quoted >= 1, "no quoted snippet found: is the pattern right?");
    }

    @Test
    void theGuidesDependencySnippetNamesTheVersionsTheBuildPins() throws IOException {
        String pom = Files.readString(DocsLinksTest.ROOT.resolve("pom.xml"));
        String guide = Files.readString(DocsLinksTest.ROOT.resolve("docs/authors-guide.md"));
        for (String property : List.of("junit.version", "compiler.plugin.version", "surefire.plugin.version")) {
            Matcher pinned = Pattern.compile("<" + Pattern.quote(property) + ">([^<]+)</").matcher(pom);
            assertTrue(pinned.find(), property + " is not pinned in pom.xml");
            assertTrue(guide.contains("<version>" + pinned.group(1) + "</version>"), "the guide's snippet does not name " + property + " " + pinned.group(1));
        }
        Matcher project = Pattern.compile("<artifactId>sinkcheck-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertTrue(project.find());
        assertTrue(guide.contains("<version>" + project.group(1) + "</version>"), "the guide's snippet does not name the kit's version " + project.group(1));
    }

    private static List<String> region(Path file, String name, String where) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String marker = "// --8<-- [" + name + "]";
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).trim().equals(marker)) at.add(i);
        assertEquals(2, at.size(), where + ": the file needs exactly two lines " + marker);
        return lines.subList(at.get(0) + 1, at.get(1));
    }

    private static List<String> dedent(List<String> lines) {
        int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList();
    }
}
