package org.sinkcheck.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sinkcheck.kit.AdapterLoadException;
import org.sinkcheck.kit.Adapters;

/**
 * The CI soak: the adapter named by {@code sinkcheck.adapter} (default: the reference sink) for
 * {@code sinkcheck.soak.seconds} seconds (default 60), with zero violations of the rules the soak
 * checks online (see {@link Soak}).
 */
class SoakTest {
    static final String SECONDS_PROPERTY = "sinkcheck.soak.seconds";

    @Test
    @Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
    void SC01_to_SC16_soakOfManySinksAndThreads_hasNoViolations() throws AdapterLoadException {
        long seconds = Long.getLong(SECONDS_PROPERTY, 60);
        SoakTotals totals = Soak.run(Soak.Options.defaults().adapter(Adapters.fromSystemProperty()).duration(Duration.ofSeconds(seconds)));

        assertTrue(totals.calls() > 1000 && totals.cancels() > 100 && totals.listenerFaults() > 0 && totals.cancelChecks() > 0,
                "the soak did too little to mean anything:\n" + totals.summary());
        assertEquals(0, totals.violations(), totals.summary());
    }
}
