package org.sinkcheck.reliability;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.Consumer;
import org.sinkcheck.kit.SinkAdapter;
import org.sinkcheck.reliability.FlawedSink.Flaw;

/** Shows a scenario has teeth: it passes on the flawed-sink fixture without a flaw and fails with one. */
final class Teeth {
    private Teeth() {}

    static void scenarioCatches(Flaw flaw, Consumer<SinkAdapter<?, ?>> scenario) {
        scenario.accept(new FlawedSinkAdapter(Flaw.NONE));
        assertThrows(AssertionError.class, () -> scenario.accept(new FlawedSinkAdapter(flaw)),
                "the scenario passed on a sink with flaw " + flaw + ": it has no teeth");
    }
}
