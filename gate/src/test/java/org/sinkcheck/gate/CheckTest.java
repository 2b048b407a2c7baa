package org.sinkcheck.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sinkcheck.rules.Rule;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code sinkcheck check} end to end, in-process: the reference sink passes with the per-rule table and
 * valid reports; a mutant fails with exit 1, the rule it breaks, its counterexample and the command that
 * reproduces it. Random walks and the stress tier are off ({@code --walks 0 --no-stress}): the exhaustive
 * replay alone finds the mutant, and the walks and the stress tier are tested by their own modules.
 */
@Timeout(300)
class CheckTest {
    private static final String MUTANT = "org.sinkcheck.mutants.SC08_CancelledSinkStaysCancelled$Adapter";

    @TempDir
    static Path reports;

    private static Cli reference;
    private static Cli mutant;

    @BeforeAll
    static void runTheGate() {
        reference = Cli.run("check", "--walks", "0", "--no-stress", "--report-dir", reports.resolve("reference").toString());
        mutant = Cli.run("check", "--walks", "0", "--no-stress", "--sink", MUTANT, "--report-dir", reports.resolve("mutant").toString());
    }

    @Test
    void referenceSinkPassesWithTheTable() {
        assertEquals(Sinkcheck.OK, reference.exitCode(), reference::toString);
        assertTrue(reference.out().contains("[1/2] model-check the abstract spec"), reference::toString);
        assertTrue(reference.out().contains("[2/2] conformance suite on reference"), reference::toString);
        for (Rule rule : Rule.values()) {
            assertTrue(reference.out().lines().anyMatch(l -> l.startsWith(rule.id() + "  MUST  ")),
                    () -> "no table line for " + rule.id() + "\n" + reference);
        }
        assertTrue(reference.out().contains("SC-01  MUST  PASS"), reference::toString);
        assertTrue(reference.out().lines().anyMatch(l -> l.startsWith("PASS: 16 rules")), reference::toString);
    }

    /**
     * PASS+ means one thing everywhere: a rule with a concurrent part whose sequential part held and whose
     * concurrent part no engine that runs interleavings decided. Under {@code --no-stress} the gate prints
     * and counts exactly what the kit does (its own report is in the JSON summary, verbatim), PASS+ apart
     * from PASS, and every PASS+ rule is one of the catalogue's rules with a concurrent part.
     */
    @Test
    void passPlusIsPrintedAndCountedAsTheKitPrintsAndCountsIt() throws Exception {
        JsonObject gate = JsonParser.parseString(Files.readString(reports.resolve("reference/sinkcheck-summary.json"))).getAsJsonObject();
        JsonObject kit = gate.getAsJsonObject("engines").getAsJsonObject("conformance");
        assertEquals(kit.get("verdicts"), gate.get("verdicts"));
        long passPlus = 0;
        for (Rule rule : Rule.values()) {
            String gateLabel = gate.getAsJsonArray("rules").get(rule.ordinal()).getAsJsonObject().get("label").getAsString();
            assertEquals(kit.getAsJsonArray("rules").get(rule.ordinal()).getAsJsonObject().get("label").getAsString(), gateLabel, rule.id());
            assertTrue(reference.out().lines().anyMatch(l -> l.startsWith(rule.id() + "  MUST  " + gateLabel + " ")), rule.id() + "\n" + reference);
            if (gateLabel.equals("PASS+")) {
                passPlus++;
                assertTrue(rule.concurrentPart().isPresent() && !rule.concurrentOnly(), rule.id());
            }
        }
        assertTrue(passPlus > 0, "the reference sink's rules with a concurrent part are PASS+ under --no-stress");
        assertEquals(passPlus, gate.getAsJsonObject("verdicts").get("passPlus").getAsLong());
        long counted = passPlus;
        assertTrue(reference.out().lines().anyMatch(l -> l.startsWith("PASS: 16 rules, ") && l.contains(", " + counted + " pass+, ")), reference::toString);
        assertTrue(reference.out().contains(org.sinkcheck.kit.run.VerdictCounts.PASS_PLUS_MEANS), reference::toString);
    }

    @Test
    void mutantExitsOneNamingTheRuleWithItsCounterexampleAndReproduceLine() {
        assertEquals(Sinkcheck.VIOLATION, mutant.exitCode(), mutant::toString);
        String out = mutant.out();
        assertTrue(out.contains("SC-08  MUST  FAIL"), mutant::toString);
        assertTrue(out.contains("SC-08 violated: " + Rule.SC08.summary()), mutant::toString);
        assertTrue(out.contains("1. cancel s1"), mutant::toString);
        assertTrue(out.contains("reproduce: ./sinkcheck check --sink '" + MUTANT + "' --walks 0 --seed "), mutant::toString);
        assertTrue(out.contains(" --no-stress"), mutant::toString);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("FAIL: 16 rules")), mutant::toString);
    }

    @Test
    void reportDirHoldsJUnitXmlWithOneTestCasePerRule() throws Exception {
        Document passing = parse(reports.resolve("reference/sinkcheck-junit.xml"));
        Element suite = passing.getDocumentElement();
        assertEquals("testsuite", suite.getTagName());
        assertEquals("0", suite.getAttribute("failures"));
        assertEquals(Rule.values().length, testcaseNames(passing).size());
        for (Rule rule : Rule.values()) {
            assertTrue(testcaseNames(passing).stream().anyMatch(n -> n.startsWith(rule.id() + " ")), rule.id());
        }

        Document failing = parse(reports.resolve("mutant/sinkcheck-junit.xml"));
        NodeList failures = failing.getElementsByTagName("failure");
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < failures.getLength(); i++) failed.add(((Element) failures.item(i)).getAttribute("type"));
        assertTrue(failed.contains("SC-08"), failed::toString);
        assertEquals(Integer.toString(failures.getLength()), failing.getDocumentElement().getAttribute("failures"));
        Element sc08 = (Element) failures.item(failed.indexOf("SC-08"));
        assertTrue(sc08.getTextContent().contains("1. cancel s1"), sc08::getTextContent);
    }

    @Test
    void reportDirHoldsTheJsonSummary() throws Exception {
        JsonObject passing = JsonParser.parseString(Files.readString(reports.resolve("reference/sinkcheck-summary.json"))).getAsJsonObject();
        assertEquals("PASS", passing.get("verdict").getAsString());
        assertEquals(0, passing.get("exitCode").getAsInt());
        assertEquals(Rule.values().length, passing.getAsJsonArray("rules").size());
        assertTrue(passing.getAsJsonObject("engines").has("conformance"));

        JsonObject failing = JsonParser.parseString(Files.readString(reports.resolve("mutant/sinkcheck-summary.json"))).getAsJsonObject();
        assertEquals("FAIL", failing.get("verdict").getAsString());
        assertEquals(1, failing.get("exitCode").getAsInt());
        JsonObject sc08 = failing.getAsJsonArray("rules").get(Rule.SC08.ordinal()).getAsJsonObject();
        assertEquals("SC-08", sc08.get("id").getAsString());
        assertEquals("FAIL", sc08.get("verdict").getAsString());
    }

    private static Document parse(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    private static List<String> testcaseNames(Document doc) {
        NodeList cases = doc.getElementsByTagName("testcase");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) names.add(((Element) cases.item(i)).getAttribute("name"));
        return names;
    }
}
