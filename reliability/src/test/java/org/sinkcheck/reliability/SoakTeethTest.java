package org.sinkcheck.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sinkcheck.reliability.FlawedSink.Flaw;
import org.sinkcheck.spec.Rule;

/**
 * The soak has teeth: a short soak of a sink with one flaw reports violations of the rule the flaw
 * breaks, and the same sink without the flaw reports none.
 */
class SoakTeethTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "CANCEL_MISSES_NEWEST, SC01",
            "SIGNALS_AFTER_CANCEL, SC04",
            "ACCEPTS_FOREIGN_HANDLES, SC14",
            "ACCEPTS_FOREIGN_HANDLES, SC02",
            "SWEEP_STOPS_AT_THROW, SC15",
            "SWALLOWS_LISTENER_ERRORS, SC15",
    })
    void soakOfFlawedSink_reportsTheRuleItBreaks(Flaw flaw, Rule rule) {
        SoakTotals totals = shortSoak(flaw);
        assertTrue(totals.violationsByRule().getOrDefault(rule, 0L) > 0,
                "a soak of a sink with flaw " + flaw + " must report " + rule + " violations:\n" + totals.summary());
    }

    @org.junit.jupiter.api.Test
    void soakOfTheFlawedSinkWithoutItsFlaw_isClean() {
        SoakTotals totals = shortSoak(Flaw.NONE);
        assertEquals(0, totals.violations(), totals.summary());
    }

    private static SoakTotals shortSoak(Flaw flaw) {
        return Soak.run(Soak.Options.defaults().adapter(new FlawedSinkAdapter(flaw)).duration(Duration.ofSeconds(2)));
    }
}
