package org.sinkcheck.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * No silent opt-out, end to end: a sink whose adapter does not promise {@code THREAD_SAFE} fails the gate on
 * SC-11 (NOT PROMISED, exit 1) unless the user waives SC-11 by id, and then the table, the JUnit XML and the
 * JSON summary all say SC-11 was WAIVED and by whom. Walks and the stress tier are off: what decides here is
 * the declaration, not a behaviour.
 */
@Timeout(300)
class WaiveTest {
    private static final String SINK = "org.sinkcheck.gate.fixtures.NotThreadSafeAdapter";

    @Test
    void SC11_aSinkWithoutThreadSafeExitsOneUnlessSC11IsWaivedAndEveryReportNamesTheWaiver(@TempDir Path reports) throws Exception {
        Cli unwaived = Cli.run("check", "--walks", "0", "--no-stress", "--sink", SINK);
        assertEquals(Sinkcheck.VIOLATION, unwaived.exitCode(), unwaived::toString);
        assertTrue(unwaived.out().contains("SC-11  MUST  NOT PROMISED"), unwaived::toString);
        assertTrue(unwaived.out().contains("SC-11 not promised: "), unwaived::toString);
        assertTrue(unwaived.out().lines().anyMatch(l -> l.startsWith("FAIL: 16 rules") && l.endsWith(", 1 not promised")), unwaived::toString);

        Cli waived = Cli.run("check", "--walks", "0", "--no-stress", "--sink", SINK, "--waive", "SC-11",
                "--report-dir", reports.toString());
        assertEquals(Sinkcheck.OK, waived.exitCode(), waived::toString);
        assertTrue(waived.out().contains("SC-11  MUST  WAIVED"), waived::toString);
        assertTrue(waived.out().contains("waived: SC-11 (" + org.sinkcheck.rules.Rule.SC11.summary() + ") by the command line (--waive)"),
                waived::toString);
        assertTrue(waived.out().lines().anyMatch(l -> l.startsWith("PASS: 16 rules") && l.endsWith(", 1 waived")), waived::toString);

        NodeList skipped = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(reports.resolve("sinkcheck-junit.xml").toFile()).getElementsByTagName("skipped");
        boolean sc11Waived = false;
        for (int i = 0; i < skipped.getLength(); i++) {
            String message = ((Element) skipped.item(i)).getAttribute("message");
            Element testcase = (Element) skipped.item(i).getParentNode();
            if (testcase.getAttribute("name").startsWith("SC-11 ")) {
                sc11Waived = message.startsWith("WAIVED: conformance: waived by the command line (--waive)");
            }
        }
        assertTrue(sc11Waived, "the JUnit XML skips SC-11 as WAIVED, naming who waived it");

        JsonObject json = JsonParser.parseString(Files.readString(reports.resolve("sinkcheck-summary.json"))).getAsJsonObject();
        JsonArray waivedRules = json.getAsJsonArray("waived");
        assertEquals(1, waivedRules.size(), json::toString);
        assertEquals("SC-11", waivedRules.get(0).getAsJsonObject().get("id").getAsString());
        assertEquals("the command line (--waive)", waivedRules.get(0).getAsJsonObject().get("by").getAsString());
        assertEquals("WAIVED", json.getAsJsonArray("rules").get(10).getAsJsonObject().get("verdict").getAsString());
        assertTrue(json.get("reproduce").getAsString().contains(" --waive SC-11"), json::toString);
    }
}
