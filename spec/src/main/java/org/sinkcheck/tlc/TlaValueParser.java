package org.sinkcheck.tlc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sinkcheck.tlc.TlaValue.Bool;
import org.sinkcheck.tlc.TlaValue.Fn;
import org.sinkcheck.tlc.TlaValue.Int;
import org.sinkcheck.tlc.TlaValue.Name;
import org.sinkcheck.tlc.TlaValue.Seq;
import org.sinkcheck.tlc.TlaValue.SetOf;
import org.sinkcheck.tlc.TlaValue.Str;

/** Recursive descent over the value fragment TLC prints; see {@link TlaValue}. */
final class TlaValueParser {
    private final String s;
    private int i;

    private TlaValueParser(String s) { this.s = s; }

    static TlaValue parse(String text) {
        TlaValueParser p = new TlaValueParser(text);
        TlaValue v = p.value();
        p.skipSpace();
        if (!p.atEnd()) throw p.error("unexpected text after the value");
        return v;
    }

    private boolean atEnd() { return i >= s.length(); }

    private void skipSpace() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
    }

    private boolean take(String token) {
        skipSpace();
        if (s.startsWith(token, i)) {
            i += token.length();
            return true;
        }
        return false;
    }

    private void expect(String token) {
        if (!take(token)) throw error("expected " + token);
    }

    private IllegalArgumentException error(String what) {
        int from = Math.max(0, i - 20);
        int to = Math.min(s.length(), i + 20);
        return new IllegalArgumentException("TLA+ value: " + what + " at offset " + i + ": …" + s.substring(from, to) + "…");
    }

    private TlaValue value() {
        skipSpace();
        if (atEnd()) throw error("expected a value");
        char c = s.charAt(i);
        if (c == '"') return new Str(string());
        if (take("<<")) return new Seq(elements(">>"));
        if (take("{")) return new SetOf(elements("}"));
        if (take("[")) return record();
        if (take("(")) return function();
        if (c == '-' || Character.isDigit(c)) return integer();
        if (Character.isLetter(c) || c == '_') {
            String name = identifier();
            if (name.equals("TRUE")) return new Bool(true);
            if (name.equals("FALSE")) return new Bool(false);
            return new Name(name);
        }
        throw error("unexpected character '" + c + "'");
    }

    private String string() {
        StringBuilder b = new StringBuilder();
        i++;  // opening quote
        while (i < s.length() && s.charAt(i) != '"') {
            char c = s.charAt(i++);
            if (c == '\\' && i < s.length()) c = s.charAt(i++);
            b.append(c);
        }
        if (atEnd()) throw error("unterminated string");
        i++;
        return b.toString();
    }

    private TlaValue integer() {
        int start = i;
        if (s.charAt(i) == '-') i++;
        while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
        try {
            return new Int(Long.parseLong(s.substring(start, i)));
        } catch (NumberFormatException e) {
            throw error("bad integer");
        }
    }

    private String identifier() {
        skipSpace();
        int start = i;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) i++;
        if (start == i) throw error("expected a name");
        return s.substring(start, i);
    }

    private List<TlaValue> elements(String close) {
        List<TlaValue> out = new ArrayList<>();
        if (take(close)) return out;
        do {
            out.add(value());
        } while (take(","));
        expect(close);
        return out;
    }

    /** {@code [f |-> v, …]}; TLC prints {@code [ s1 |-> …]} with spaces sometimes. */
    private TlaValue record() {
        Map<TlaValue, TlaValue> m = new LinkedHashMap<>();
        if (take("]")) return new Fn(m);
        do {
            String field = identifier();
            expect("|->");
            m.put(new Str(field), value());
        } while (take(","));
        expect("]");
        return new Fn(m);
    }

    /** {@code (k1 :> v1 @@ k2 :> v2)}, or a parenthesised value. */
    private TlaValue function() {
        TlaValue first = value();
        if (take(")")) return first;
        Map<TlaValue, TlaValue> m = new LinkedHashMap<>();
        expect(":>");
        m.put(first, value());
        while (take("@@")) {
            TlaValue k = value();
            expect(":>");
            m.put(k, value());
        }
        expect(")");
        return new Fn(m);
    }
}
