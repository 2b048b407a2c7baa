package org.sinkcheck.kit.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sinkcheck.kit.Capability;
import org.sinkcheck.model.Action;

/**
 * The report says how much of the spec a sink with its declared capabilities can reach and how much was
 * played, which action kinds were never played and why, and which listener faults were played, contained
 * and reported. The reference sink is run twice: declaring everything, and without {@code PROGRESS} and
 * {@code LISTENER_ERRORS}, where the graph shrinks and says so, and throws from finals are still played and
 * their containment judged, but their reports not checked.
 */
class CoverageTest {
    @Test
    void everyCapabilityReachesAndPlaysTheWholeGraph_andEveryListenerFaultIsPlayedContainedAndReported() {
        ConformanceReport report = Conformance.run(ReferenceDeclaring.capabilities(EnumSet.allOf(Capability.class)), Options.ci());
        Coverage c = report.coverage();
        assertEquals(c.edges(), c.reachableEdges(), report::table);
        assertEquals(c.edges(), c.playedEdges(), report::table);
        assertEquals(c.actions(), c.playedActions(), report::table);
        assertTrue(c.kindsNotPlayed().isEmpty(), report::table);
        assertEquals(Coverage.KINDS.size(), c.kindsPlayed().size(), report::table);
        for (Coverage.ListenerFault fault : Coverage.ListenerFault.values()) {
            Coverage.Faults f = c.faults().get(fault);
            assertTrue(f.played() > 0 && f.contained() == f.played() && f.reported() == f.played(), fault + ": " + f);
        }
        assertTrue(report.table().contains("  coverage, given the declared capabilities (all of them):"), report::table);
    }

    @Test
    void withoutProgressAndListenerErrorsTheReachableGraphShrinks_theMissingKindsSayWhy_andReportsAreNotChecked() {
        Set<Capability> declared = EnumSet.allOf(Capability.class);
        declared.removeAll(Set.of(Capability.PROGRESS, Capability.LISTENER_ERRORS));
        ConformanceReport report = Conformance.run(ReferenceDeclaring.capabilities(declared), Options.ci().withWalks(2, 500));
        Coverage c = report.coverage();
        System.out.println(String.join("\n", c.lines()));
        assertTrue(c.reachableEdges() < c.edges() && c.playedEdges() <= c.reachableEdges(), report::table);
        assertTrue(c.reachableActions() < c.actions() && c.playedActions() <= c.reachableActions(), report::table);
        assertTrue(c.kindsNotPlayed().get("Progress").startsWith("PROGRESS not declared: " + Capability.PROGRESS.reason()), report::table);
        assertTrue(c.kindsNotPlayed().get("ListenerThrows").startsWith("LISTENER_ERRORS not declared"), report::table);
        assertTrue(c.kindsNotPlayed().get("ProgressThrows").contains("PROGRESS not declared")
                && c.kindsNotPlayed().get("ProgressThrows").contains("LISTENER_ERRORS not declared"), report::table);
        assertFalse(c.kindsPlayed().containsKey("Progress"), report::table);
        assertEquals(0, c.faults().get(Coverage.ListenerFault.OBJECT).played(), report::table);
        Coverage.Faults finals = c.faults().get(Coverage.ListenerFault.FINAL);
        assertTrue(finals.played() > 0 && finals.contained() == finals.played(), finals::toString);
        assertFalse(c.reportsChecked());
        assertTrue(c.lines().stream().anyMatch(l -> l.contains("a throw from a final callback: played " + finals.played()
                + ", contained " + finals.contained() + ", reports not checked (LISTENER_ERRORS not declared)")), report::table);
        JsonObject json = JsonParser.parseString(report.toJson()).getAsJsonObject().getAsJsonObject("coverage");
        assertEquals(c.reachableEdges(), json.get("reachableEdges").getAsInt());
        assertFalse(json.getAsJsonObject("listenerFaults").getAsJsonObject("final").has("reported"));
    }

    @Test
    void everyKindOfTheModelsActionsHasAPrototype() {
        assertEquals(14, Coverage.KINDS.size(), Coverage.KINDS::toString);
        assertTrue(Coverage.KINDS.stream().anyMatch(a -> a instanceof Action.CancelInFinal));
    }
}
