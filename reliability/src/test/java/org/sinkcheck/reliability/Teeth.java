package org.sinkcheck.reliability;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.Consumer;
import org.sinkcheck.kit.SinkAdapter;
import org.sinkcheck.mutants.BaseSink;

/**
 * Shows a scenario has teeth: it passes on the mutants' correct fixture ({@link BaseSink}) and fails on
 * a mutant that differs from it in one hook. The fixture run is what makes the failure the mutant's.
 */
final class Teeth {
    private Teeth() {}

    static void scenarioCatches(SinkAdapter<?, ?> mutant, Consumer<SinkAdapter<?, ?>> scenario) {
        ScenarioSink.play(new BaseSink.Adapter(), scenario);
        assertThrows(AssertionError.class, () -> ScenarioSink.play(mutant, scenario),
                "the scenario passed on the mutant " + mutant.name() + ": it has no teeth");
    }
}
