package org.sinkcheck.gate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sinkcheck.kit.run.VerdictCounts;

/**
 * The docs say PASS+ as the reports do: docs/gate.md states its meaning in the very words the reports print
 * under their tables ({@link VerdictCounts#PASS_PLUS_MEANS}), every other page that writes PASS+ links there,
 * and every summary line a page quotes is counted the way {@link VerdictCounts#line()} counts, PASS+ apart.
 */
class PassPlusDocsTest {
    private static final Path ROOT = DocsLinksTest.ROOT;
    private static final Path GATE_DOC = ROOT.resolve("docs/gate.md");
    private static final String SECTION = "gate.md#pass-and-pass";
    private static final Pattern QUOTED_SUMMARY = Pattern.compile("(PASS|FAIL): \\d+ rules, .*");
    private static final Pattern COUNTED_AS_REPORTS_COUNT = Pattern.compile("(PASS|FAIL): \\d+ rules, \\d+ pass, \\d+ pass\\+, \\d+ fail, "
            + "\\d+ not applicable, \\d+ left to the stress tier, \\d+ untested(, \\d+ not promised)?(, \\d+ waived)?");

    @Test
    void theGatePageDefinesPassPlusInTheReportsOwnWords_andEveryOtherPageThatWritesItLinksThere() throws IOException {
        String gate = Files.readString(GATE_DOC);
        assertTrue(gate.contains("## PASS and PASS+"), "docs/gate.md has no 'PASS and PASS+' section");
        assertTrue(gate.contains(VerdictCounts.PASS_PLUS_MEANS), "docs/gate.md does not say: " + VerdictCounts.PASS_PLUS_MEANS);
        List<String> unlinked = new ArrayList<>();
        for (Path page : DocsLinksTest.pages()) {
            if (page.equals(GATE_DOC)) continue;
            String text = Files.readString(page);
            if (text.contains("PASS+") && !text.contains(SECTION)) unlinked.add(ROOT.relativize(page).toString());
        }
        assertTrue(unlinked.isEmpty(), "pages that write PASS+ without linking to " + SECTION + ": " + unlinked);
    }

    @Test
    void everyQuotedSummaryLineCountsPassPlusApartFromPass() throws IOException {
        List<String> miscounted = new ArrayList<>();
        int quoted = 0;
        for (Path page : DocsLinksTest.pages()) {
            for (String line : Files.readAllLines(page)) {
                String s = line.strip();
                if (!QUOTED_SUMMARY.matcher(s).matches()) continue;
                quoted++;
                if (!COUNTED_AS_REPORTS_COUNT.matcher(s).matches()) miscounted.add(ROOT.relativize(page) + ": " + s);
            }
        }
        assertTrue(quoted >= 2, "only " + quoted + " summary lines quoted in the docs: is the pattern right?");
        assertTrue(miscounted.isEmpty(), "summary lines not counted as the reports count them: " + miscounted);
    }
}
