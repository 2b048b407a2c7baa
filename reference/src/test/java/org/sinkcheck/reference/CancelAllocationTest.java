package org.sinkcheck.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sinkcheck.sink.CallHandle;

/**
 * A cancel allocates nothing: it closes the current generation with one CAS of its flag, and the next
 * generation is made by the first begin after it. So an idle sink's cancel, and the cancel of a sink
 * holding one call, allocate no byte (counted by the JVM's per-thread allocation counter, not timed).
 * The begin after a cancel pays for the generation instead.
 */
@Timeout(60)
class CancelAllocationTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final int WARM = 20_000;
    private static final int MEASURED = 1_000;

    private static final SilentListener SILENT = new SilentListener();

    @Test
    void SC07_anIdleSinksCancelAllocatesNothing() {
        ReferenceSink<Object> sink = new ReferenceSink<>(SILENT, (context, error) -> { });
        for (int i = 0; i < WARM; i++) sink.cancel();
        long before = THREADS.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < MEASURED; i++) sink.cancel();
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        assertEquals(0, allocated, MEASURED + " idle cancels allocated " + allocated + " bytes");
    }

    @Test
    void SC01_aOneCallCancelAllocatesNothing() {
        ReferenceSink<Object> sink = new ReferenceSink<>(SILENT, (context, error) -> { });
        CallHandle[] calls = new CallHandle[MEASURED];
        long allocated = 0;
        for (int round = 0; round < WARM / MEASURED + 1; round++) {
            allocated = 0;
            for (int i = 0; i < MEASURED; i++) {
                calls[i] = sink.begin("c");                  // the begin after a cancel makes the next generation
                long before = THREADS.getCurrentThreadAllocatedBytes();
                sink.cancel();
                allocated += THREADS.getCurrentThreadAllocatedBytes() - before;
            }
        }
        for (CallHandle call : calls) assertEquals(true, call.isCancelled());
        assertEquals(0, allocated, MEASURED + " one-call cancels allocated " + allocated + " bytes (after warm-up)");
    }
}
