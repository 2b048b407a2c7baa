package org.sinkcheck.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

import org.sinkcheck.reference.adapter.SinkUnderTest;
import org.sinkcheck.kit.Capability;
import org.sinkcheck.kit.SinkAdapter;

/**
 * The CI soak: the adapter named by {@code sinkcheck.adapter} (default: the reference sink) for
 * {@code sinkcheck.soak.seconds} seconds (default 60), with zero violations of the rules the soak
 * checks online (see {@link Soak}).
 */
class SoakTest {
    static final String SECONDS_PROPERTY = "sinkcheck.soak.seconds";

    /** Time beyond the soak's length for its drain; a soak still running then is hung. */
    private static final Duration DRAIN_LIMIT = Duration.ofMinutes(2);

    @Test
    void SC01_to_SC16_soakOfManySinksAndThreads_hasNoViolations() {
        Duration length = Duration.ofSeconds(Long.getLong(SECONDS_PROPERTY, 60));
        SinkAdapter<?, ?> adapter = SinkUnderTest.adapter();
        SoakTotals totals = assertTimeoutPreemptively(length.plus(DRAIN_LIMIT),
                () -> Soak.run(Soak.Options.defaults().adapter(adapter).duration(length)), "the soak hung");

        boolean throwsExpected = adapter.capabilities().contains(Capability.LISTENER_ERRORS);
        assertTrue(totals.calls() > 1000 && totals.cancels() > 100 && totals.cancelChecks() > 0
                        && (totals.listenerFaults() > 0 || !throwsExpected),
                "the soak did too little to mean anything:\n" + totals.summary());
        assertEquals(0, totals.violations(), totals.summary());
    }
}
