package org.sinkcheck.tlc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A TLA+ value as TLC prints it in traces, state-graph dumps and configuration files: strings,
 * integers, booleans, model values, sequences {@code <<…>>}, sets {@code {…}}, records
 * {@code [f |-> v, …]} and functions {@code (k :> v @@ …)}.
 *
 * <p>Why a parser of our own: TLC's dumps are text, and the model-equals-TLC proof and the readable
 * counterexamples need the values, not the text. Only the fragment TLC emits for finite values is
 * accepted; anything else is a {@link IllegalArgumentException} naming the position.
 *
 * <p>Records are functions whose keys are {@link Str} field names, so a record and the function
 * with the same string domain are equal, as in TLA+.
 */
public sealed interface TlaValue {

    record Str(String value) implements TlaValue {
        @Override public String toString() { return '"' + value + '"'; }
    }

    record Int(long value) implements TlaValue {
        @Override public String toString() { return Long.toString(value); }
    }

    record Bool(boolean value) implements TlaValue {
        @Override public String toString() { return value ? "TRUE" : "FALSE"; }
    }

    /** A model value or any other bare identifier. */
    record Name(String value) implements TlaValue {
        @Override public String toString() { return value; }
    }

    record Seq(List<TlaValue> elements) implements TlaValue {
        public Seq { elements = List.copyOf(elements); }
        @Override public String toString() { return join("<<", elements, ">>"); }
    }

    /** A finite set; TLC prints its elements in a canonical order, which is kept. */
    record SetOf(List<TlaValue> elements) implements TlaValue {
        public SetOf { elements = List.copyOf(elements); }
        @Override public boolean equals(Object o) {
            return o instanceof SetOf other && new java.util.HashSet<>(elements).equals(new java.util.HashSet<>(other.elements));
        }
        @Override public int hashCode() { return new java.util.HashSet<>(elements).hashCode(); }
        @Override public String toString() { return join("{", elements, "}"); }
    }

    /** A function with a finite domain; records are functions on their field names. */
    record Fn(Map<TlaValue, TlaValue> mapping) implements TlaValue {
        public Fn { mapping = Collections.unmodifiableMap(new LinkedHashMap<>(mapping)); }
        public TlaValue get(String field) { return mapping.get(new Str(field)); }
        @Override public String toString() {
            StringJoiner j = new StringJoiner(", ", "[", "]");
            mapping.forEach((k, v) -> j.add((k instanceof Str s ? s.value() : k.toString()) + " |-> " + v));
            return j.toString();
        }
    }

    private static String join(String open, List<TlaValue> elements, String close) {
        StringJoiner j = new StringJoiner(", ", open, close);
        for (TlaValue e : elements) j.add(e.toString());
        return j.toString();
    }

    /** Parses one value; the whole text must be consumed. */
    static TlaValue parse(String text) {
        return TlaValueParser.parse(text);
    }
}
