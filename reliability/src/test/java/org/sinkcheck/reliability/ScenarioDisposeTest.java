package org.sinkcheck.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sinkcheck.mutants.SC14_ForeignHandleAccepted;
import org.sinkcheck.reference.adapter.CountedDisposals;

/**
 * Issue 17: every sink a scenario opens ({@link ScenarioSink}) is handed to {@code SinkAdapter.dispose}
 * exactly once, when the scenario passes and when it fails. Teeth: a scenario played directly
 * ({@code scenario.accept(adapter)}, as {@code ScenariosTest} and {@code Teeth} did before
 * {@link ScenarioSink#play}) leaves both its sinks undisposed: "2 of 2 sinks made were never disposed of".
 */
class ScenarioDisposeTest {

    @Test
    void aPassingScenarioDisposesOfEachSinkItOpenedOnce() {
        CountedDisposals counted = new CountedDisposals();
        ScenarioSink.play(counted, HostileInput::SC14_foreignHandle);
        assertEquals(2, counted.made());
        assertEquals(List.of(), counted.problems());
    }

    @Test
    void aFailingScenarioDisposesOfEachSinkItOpenedOnce() {
        CountedDisposals counted = new CountedDisposals(new SC14_ForeignHandleAccepted.Adapter());
        assertThrows(AssertionError.class, () -> ScenarioSink.play(counted, HostileInput::SC14_foreignHandle));
        assertEquals(2, counted.made());
        assertEquals(List.of(), counted.problems());
    }

    @Test
    void aScenarioPlayedWithoutPlayLeavesItsSinksUndisposed_theCheckHasTeeth() {
        CountedDisposals counted = new CountedDisposals();
        HostileInput.SC14_foreignHandle(counted);
        assertEquals(List.of("2 of 2 sinks made were never disposed of"), counted.problems());
        ScenarioSink.play(counted, adapter -> { });   // the next test starts with nothing open
    }
}
