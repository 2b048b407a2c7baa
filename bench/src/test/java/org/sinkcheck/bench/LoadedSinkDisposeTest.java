package org.sinkcheck.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sinkcheck.reference.adapter.CountedDisposals;
import org.sinkcheck.reference.adapter.ReferenceSinkAdapter;

/**
 * Issue 17: every sink the bench makes ({@link LoadedSink}) is handed to {@code SinkAdapter.dispose}
 * exactly once: by the memory probe, and by each benchmark state's tear-down, also when its check fails.
 * Teeth: before {@link LoadedSink#close} existed no place disposed of anything, and these tests said
 * "N of N sinks made were never disposed of"; a state whose tear-down forgets it says so again.
 */
class LoadedSinkDisposeTest {
    /** The reference sink's adapter, loaded by class name as the benchmarks load theirs, counting into one ledger. */
    public static final class Counted extends CountedDisposals {
        static final CountedDisposals LEDGER = new CountedDisposals();

        public Counted() { super(new ReferenceSinkAdapter(), LEDGER); }
    }

    private static final String COUNTED = Counted.class.getName();

    private int madeBefore;

    @BeforeEach
    void noSinkLeftOver() {
        assertEquals(List.of(), Counted.LEDGER.problems(), "a test before this one left a sink undisposed");
        madeBefore = Counted.LEDGER.made();
    }

    private void assertEachDisposedOnce() {
        assertTrue(Counted.LEDGER.made() > madeBefore, "no sink was made");
        assertEquals(List.of(), Counted.LEDGER.problems());
    }

    @Test
    void theMemoryProbeDisposesOfEverySinkItMeasures() {
        MemoryProbe.measure(new Counted(), 100);
        assertEachDisposedOnce();
    }

    @Test
    void aCancelBenchmarksStatesDisposeOfTheirSinks_alsoWhenTheCheckFails() {
        CancelBenchmark.Pending pending = new CancelBenchmark.Pending();
        pending.impl = COUNTED;
        pending.calls = 10;
        pending.load();
        pending.loaded.cancel();
        pending.check();
        pending.load();   // not cancelled: the check fails, and the sink is disposed of all the same
        assertThrows(IllegalStateException.class, pending::check);
        assertEachDisposedOnce();
    }

    @Test
    void theCommonPathAndDeliverStatesDisposeOfTheirSinks() {
        CommonPathBenchmark.SharedSink shared = new CommonPathBenchmark.SharedSink();
        shared.impl = COUNTED;
        shared.open();
        shared.sink.beginAndComplete();
        shared.close();
        DeliverBenchmark.LiveCall live = new DeliverBenchmark.LiveCall();
        live.impl = COUNTED;
        live.begin();
        live.close();
        assertEachDisposedOnce();
    }
}
