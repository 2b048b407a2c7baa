package org.sinkcheck.tlc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sinkcheck.model.Bounds;

/**
 * Trace parsing for the loop form TLC prints for a liveness counterexample that cycles ("Back to
 * state k"), which none of the bundled broken specs produces (theirs end by stuttering), on a trace
 * fragment in TLC 2.18's format; and steps of specs the model does not know, shown as diffs.
 */
class TlcTraceTest {
    private static final String INIT = """
            /\\ x = 0
            /\\ y = "a"
            """;

    @Test
    void aLassoEndsWithTheStepBackAndWhatRepeats() {
        String log = "Error: Temporal properties were violated.\n\n"
                + "Error: The following behavior constitutes a counter-example:\n\n"
                + "State 1: <Initial predicate>\n" + INIT + "\n"
                + "State 2: <Up line 7, col 5 to line 8, col 20 of module Loop>\n/\\ x = 1\n/\\ y = \"a\"\n\n"
                + "State 3: <Flip line 9, col 5 to line 9, col 30 of module Loop>\n/\\ x = 1\n/\\ y = \"b\"\n\n"
                + "State 4: Back to state 2: <Flip line 9, col 5 to line 9, col 30 of module Loop>\n\n"
                + "Finished checking temporal properties in 00s\n";
        TlcTrace trace = TlcTrace.parse(log);
        assertEquals(List.of("Up", "Flip"), trace.actions());
        assertEquals(new TlcTrace.Loop.BackTo(2, "Flip"), trace.loop());
        assertEquals(List.of(
                "1. Up: x: 0 -> 1",
                "2. Flip: y: \"a\" -> \"b\"",
                "3. Flip: y: \"b\" -> \"a\", which returns to the state after step 1: steps 2..3 repeat forever"),
                ReadableTrace.lines(trace, Optional.empty()));
    }

    @Test
    void aStepNoModelActionExplainsIsShownAsWhatChanged() {
        TlcTrace trace = TlcTrace.parse("State 1: <Initial predicate>\n" + INIT + "\nState 2: <Stay line 1, col 1 to line 1, col 2 of module M>\n" + INIT + "\n");
        assertEquals(List.of("1. Stay (changes nothing)"), ReadableTrace.lines(trace, Optional.of(Bounds.CI)));
    }
}
