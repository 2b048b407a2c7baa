package org.sinkcheck.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sinkcheck.model.CallHistory.Answer;
import org.sinkcheck.rules.Operator;

/**
 * An overlap against what the overlapping callback carries, in {@link CallHistory#violation()}: the
 * events are judged in the order their callbacks started, an overlap first at its own event, a second
 * final as a final. Each case fails on a precedence it rules out (after-the-final before an overlap
 * names the first SC-04; every overlap SC-09 names the third SC-09; ignoring the order of events names
 * the fourth SC-09).
 */
class CallHistoryPrecedenceTest {
    private static final EventKind O = EventKind.OBJECT, C = EventKind.CANCELLED, D = EventKind.COMPLETED;

    private static Operator of(CallHistory h) { return h.violation().orElseThrow().operator(); }

    @Test
    void SC04_SC05_SC09_anOverlapComesFirstAtItsOwnEvent_aSecondFinalIsAFinal_andAnEarlierBreachWins() {
        assertEquals(Operator.SC09_SerialCallbacks, of(CallHistory.of(List.of(O, C, O)).overlapAt(2)),
                "an object that starts while onCancelled runs");
        assertEquals(Operator.SC04_SilentAfterCancel, of(CallHistory.of(List.of(O, C, O))),
                "an object that starts after onCancelled returned");
        assertEquals(Operator.SC05_FinalIsForever, of(CallHistory.of(List.of(D, C)).answers(Answer.ACCEPTED, Answer.NOT_SENT).overlapAt(1)),
                "onCancelled nested in onCompleted");
        assertEquals(Operator.SC04_SilentAfterCancel, of(CallHistory.of(List.of(C, O, O)).overlapAt(2)),
                "an object after onCancelled, then another one overlapping it");
        assertEquals(Operator.SC09_SerialCallbacks, of(CallHistory.of(List.of(O, O, C)).overlapAt(1)),
                "two objects at once, then the final");
    }
}
