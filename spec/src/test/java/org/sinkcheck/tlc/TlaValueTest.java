package org.sinkcheck.tlc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sinkcheck.tlc.TlaValue.Bool;
import org.sinkcheck.tlc.TlaValue.Fn;
import org.sinkcheck.tlc.TlaValue.Int;
import org.sinkcheck.tlc.TlaValue.Seq;
import org.sinkcheck.tlc.TlaValue.SetOf;
import org.sinkcheck.tlc.TlaValue.Str;

/** The value fragment TLC prints, parsed and printed back; bad text is a one-line error with a position. */
class TlaValueTest {

    @Test
    void recordsOfSequencesAsTlcPrintsThemAcrossLines() {
        TlaValue v = TlaValue.parse("[ s1 |-> [c1 |-> <<\"object\", \"cancelled\">>, c2 |-> <<>>],\n  s2 |-> [c1 |-> <<>>, c2 |-> <<>>] ]");
        Fn heard = (Fn) v;
        assertEquals(new Seq(List.of(new Str("object"), new Str("cancelled"))), ((Fn) heard.get("s1")).get("c1"));
        assertEquals("[s1 |-> [c1 |-> <<\"object\", \"cancelled\">>, c2 |-> <<>>], s2 |-> [c1 |-> <<>>, c2 |-> <<>>]]", v.toString());
        assertEquals(v, TlaValue.parse(v.toString()));
    }

    @Test
    void setsAreEqualWhateverTheOrderAndFunctionsUseColonGreater() {
        assertEquals(TlaValue.parse("{\"c2\", \"c1\"}"), TlaValue.parse("{\"c1\", \"c2\"}"));
        assertEquals(new SetOf(List.of()), TlaValue.parse("{}"));
        Fn f = (Fn) TlaValue.parse("(1 :> TRUE @@ -2 :> FALSE)");
        assertEquals(Map.of(new Int(1), new Bool(true), new Int(-2), new Bool(false)), f.mapping());
        assertEquals(new TlaValue.Name("m1"), TlaValue.parse(" m1 "));
        assertEquals(new Str("a\"b"), TlaValue.parse("\"a\\\"b\""));
    }

    @Test
    void malformedTextNamesWhereItWentWrong() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TlaValue.parse("[c1 |-> <<1, 2]"));
        assertTrue(e.getMessage().startsWith("TLA+ value: expected >> at offset"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TlaValue.parse("<<1>> 2"));
        assertThrows(IllegalArgumentException.class, () -> TlaValue.parse("\"open"));
    }

    @Test
    void stateDiffsNameTheChangedEntries() {
        TlaState before = TlaState.parse("/\\ status = [c1 |-> \"pending\"]\n/\\ heard = [s1 |-> [c1 |-> <<>>]]\n/\\ registry = [s1 |-> {\"c1\"}]");
        TlaState after = TlaState.parse("/\\ status = [c1 |-> \"cancelled\"]\n/\\ heard = [s1 |-> [c1 |-> <<\"cancelled\">>]]\n/\\ registry = [s1 |-> {}]");
        assertEquals(List.of("status[c1]: \"pending\" -> \"cancelled\"", "heard[s1][c1] += \"cancelled\"", "registry[s1]: {\"c1\"} -> {}"),
                after.changesFrom(before));
        assertEquals(List.of(), after.changesFrom(after));
    }
}
