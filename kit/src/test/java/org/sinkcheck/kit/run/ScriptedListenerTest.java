package org.sinkcheck.kit.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sinkcheck.model.EventKind;

/**
 * How the kit's listener tells apart the calls that share one context object (duplicate contexts), and so which
 * callbacks overlap (SC-09). The first case was a false positive of the kit on the reference sink, found by an
 * extended walk (seed 20261161): a cancel from inside c1's progress callback tells c2 at once, nested in it, and
 * c1 once its callback returned; the listener filed the nested {@code onCancelled} under c1 and called it an overlap.
 */
class ScriptedListenerTest {
    private static final List<EventKind> PROGRESS_THEN_CANCELLED = List.of(EventKind.PROGRESS, EventKind.CANCELLED);
    private static final List<EventKind> CANCELLED = List.of(EventKind.CANCELLED);

    private final Object run = new Object();
    private final CallContext shared = new CallContext(0, run);
    private final ScriptedListener listener = new ScriptedListener(run, 2, false);

    ScriptedListenerTest() { shared.alsoFor(1); }

    @Test
    void SC09_aCallbackNestedInOneCallsCallbackIsFiledUnderAnotherCallOfItsContextThatFits_notAsAnOverlap() {
        listener.expect(c -> c == 0 ? PROGRESS_THEN_CANCELLED : CANCELLED);
        listener.cancelOnNext(EventKind.PROGRESS, 0, () -> listener.cancelled(shared));
        listener.progress(shared);
        listener.cancelled(shared);
        assertEquals(List.of(), listener.takeOverlaps());
        assertEquals(PROGRESS_THEN_CANCELLED, listener.heard(0));
        assertEquals(CANCELLED, listener.heard(1));
    }

    /** The teeth of the case above: when no other call of the context fits, a nested callback is still an overlap. */
    @Test
    void SC09_aNestedCallbackThatOnlyTheRunningCallFits_isStillAnOverlap() {
        listener.expect(c -> CANCELLED);
        listener.cancelled(shared);                       // c1's onCancelled, before the step
        listener.expect(c -> c == 0 ? CANCELLED : PROGRESS_THEN_CANCELLED);
        listener.cancelOnNext(EventKind.PROGRESS, 1, () -> listener.cancelled(shared));
        listener.progress(shared);                        // c2's progress, and nested in it c2's onCancelled
        assertEquals(List.of("a callback of c2 started while another callback of it was still running"), listener.takeOverlaps());
    }
}
