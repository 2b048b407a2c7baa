package org.sinkcheck.gate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Everything the documentation points to lives in the repository: every relative link and image in
 * README.md, RULES.md and docs/ resolves to a file or folder inside it (nothing under {@code ../shared},
 * nothing outside the clone), and no page cites Java by line number. The README stays a five-minute read.
 */
class DocsLinksTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final int README_LINES = 250;

    /** README.md, RULES.md and every page under docs/. */
    static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("RULES.md")));
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    @Test
    void everyRelativeLinkResolvesInsideTheRepository() throws IOException {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path page : pages()) {
            Matcher link = LINK.matcher(Files.readString(page));
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("(?i)(https?|mailto):.*") || target.startsWith("#")) continue;
                String file = target.replaceAll("#.*", "");
                Path resolved = page.getParent().resolve(file).normalize();
                checked++;
                if (!resolved.startsWith(ROOT) || !Files.exists(resolved)) broken.add(ROOT.relativize(page) + ": " + target);
            }
        }
        assertTrue(checked > 50, "only " + checked + " links found: is the pattern right?");
        assertTrue(broken.isEmpty(), "links that do not resolve inside the repository: " + broken);
    }

    @Test
    void noPageCitesJavaByLineNumber() throws IOException {
        List<String> cited = new ArrayList<>();
        for (Path page : pages()) {
            Matcher m = Pattern.compile("\\w+\\.java:\\d+").matcher(Files.readString(page));
            while (m.find()) cited.add(ROOT.relativize(page) + ": " + m.group());
        }
        assertTrue(cited.isEmpty(), "cite Java by class and method, not by line: " + cited);
    }

    @Test
    void theReadmeIsAFiveMinuteRead() throws IOException {
        long lines = Files.readAllLines(ROOT.resolve("README.md")).size();
        assertTrue(lines < README_LINES, "README.md has " + lines + " lines; the rest belongs in docs/");
    }
}
