package org.sinkcheck.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sinkcheck.sink.CallHandle;
import org.sinkcheck.sink.SinkListener;

/**
 * An Error that escapes while a cancel sweeps must not leave a call of the closed generation without
 * its final. The real case: a listener that cancels from inside {@code onCancelled} (SC-16
 * allows it) and begins a new call each time recurses until the thread's stack overflows; the
 * {@code StackOverflowError} can strike anywhere in the sink's own code, also between a generation's
 * close and the end of its drain.
 */
@Timeout(60)
class SweepErrorTest {
    /** How many different stack depths the recursion starts from, so the overflow strikes at many places. */
    private static final int DEPTHS = 48;
    private static final int CALLS = 1 << 16;

    @Test
    void SC03_SC15_SC16_recursiveCancelFromOnCancelledDownToAStackOverflow_leavesNoCallWithoutItsFinal() throws Exception {
        int overflows = 0;
        for (int depth = 0; depth < DEPTHS; depth++) overflows += recurseToOverflow(depth);
        assertTrue(overflows > 0, "no StackOverflowError was provoked: the test proves nothing");
    }

    /** One run from an extra {@code depth} frames; returns 1 if the stack overflowed (as it should). */
    private static int recurseToOverflow(int depth) throws Exception {
        AtomicIntegerArray finals = new AtomicIntegerArray(CALLS);
        AtomicReferenceArray<CallHandle> handles = new AtomicReferenceArray<>(CALLS);
        AtomicInteger next = new AtomicInteger();
        Overflow overflowed = new Overflow();
        AtomicReference<ReferenceSink<Integer>> sinkRef = new AtomicReference<>();
        SinkListener<Integer> listener = new SinkListener<>() {
            @Override public void onObject(Integer context, Object object) { }
            @Override public void onProgress(Integer context, int current, int upperBound, String message) { }
            @Override public void onCompleted(Integer context) { finals.incrementAndGet(context); }
            @Override public void onFailed(Integer context, Throwable error) { finals.incrementAndGet(context); }

            @Override
            public void onCancelled(Integer context) {
                finals.incrementAndGet(context);
                // One chain down: a generation's first call (odd, or the very first) recurses, its second does
                // not, so the calls left to the drain after an overflow never start a new descent.
                if (overflowed.seen || next.get() >= CALLS - 2 || (context != 0 && context % 2 == 0)) return;
                try {
                    for (int i = 0; i < 2; i++) { // two calls per generation: the first recurses, the second waits in the drain
                        int n = next.incrementAndGet();
                        handles.set(n, sinkRef.get().begin(n));
                    }
                    sinkRef.get().cancel(); // recursion: its sweep cancels both, the first's onCancelled comes back here
                } catch (StackOverflowError e) {
                    overflowed.seen = true; // a field store: cannot overflow again
                    throw e;
                }
            }
        };
        ReferenceSink<Integer> sink = new ReferenceSink<>(listener, (context, error) -> {
            if (error instanceof StackOverflowError) overflowed.seen = true; // when the report itself gets through
        });
        sinkRef.set(sink);
        AtomicReference<Throwable> escaped = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                pad(depth, () -> {
                    handles.set(0, sink.begin(0));
                    sink.cancel();
                });
            } catch (StackOverflowError e) {
                overflowed.seen = true; // the sweep finished what it could and rethrew: allowed
            } catch (Throwable t) {
                escaped.set(t);
            }
        }, "recursive-cancel-" + depth, 256 * 1024);
        thread.start();
        thread.join();
        assertEquals(null, escaped.get(), "only a StackOverflowError may escape");
        sink.cancel(); // on a fresh stack: anything a drain could not finish down there is finished now at the latest
        int begun = next.get() + 1;
        StringBuilder wrong = new StringBuilder();
        for (int n = 0; n < begun; n++) {
            int heard = finals.get(n);
            CallHandle handle = handles.get(n);
            // The listener may have been called and overflowed before its first line (the sink reports that,
            // and the report may overflow too): what the sink must do is decide the final and call it once.
            if (heard > 1 || (handle != null && !decided(handle))) {
                wrong.append("call ").append(n).append(heard > 1 ? " heard " + heard + " finals; " : " has no final; ");
            }
        }
        assertEquals("", wrong.toString(), "SC-03: depth " + depth + ", " + begun + " calls begun, recursion "
                + (overflowed.seen ? "overflowed" : "did not overflow") + ": ");
        assertEquals(0, sink.pendingCalls(), "SC-13: calls left registered");
        return overflowed.seen ? 1 : 0;
    }

    /** Set where a StackOverflowError was seen, with a plain field store (a method call could overflow again). */
    private static final class Overflow {
        volatile boolean seen;
    }

    /** Whether the call's state word holds a final (read reflectively: the sink exposes no such thing). */
    private static boolean decided(CallHandle handle) throws ReflectiveOperationException {
        Field state = handle.getClass().getDeclaredField("state");
        state.setAccessible(true);
        return (state.getInt(handle) & 7) >= 3; // the phase bits: COMPLETED, FAILED or CANCELLED
    }

    private static void pad(int frames, Runnable then) {
        if (frames == 0) then.run();
        else pad(frames - 1, then);
    }
}
