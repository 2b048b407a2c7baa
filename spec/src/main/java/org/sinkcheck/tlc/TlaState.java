package org.sinkcheck.tlc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sinkcheck.tlc.TlaValue.Fn;
import org.sinkcheck.tlc.TlaValue.Seq;

/**
 * One state as TLC prints it: {@code /\ var = value} per variable. It knows how to say what changed
 * between two states at the level of single entries ({@code status[c1]: "pending" -> "cancelled"}),
 * which is how a counterexample step reads when no executable model can name the action.
 */
public record TlaState(Map<String, TlaValue> variables) {

    public TlaState {
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }

    public TlaValue get(String variable) {
        TlaValue v = variables.get(variable);
        if (v == null) throw new IllegalArgumentException("the state has no variable " + variable + ": " + variables.keySet());
        return v;
    }

    /** Parses the text TLC prints for one state (trace body or DOT label, escapes already undone). */
    public static TlaState parse(String text) {
        Map<String, TlaValue> vars = new LinkedHashMap<>();
        String body = text.strip();
        List<String> conjuncts = new ArrayList<>();
        if (body.startsWith("/\\")) {
            for (String part : body.split("(?m)^\\s*/\\\\ ")) {
                if (!part.isBlank()) conjuncts.add(part);
            }
        } else {
            conjuncts.add(body);   // a one-variable spec prints "x = v" with no conjunction
        }
        for (String conjunct : conjuncts) {
            int eq = conjunct.indexOf(" = ");
            if (eq < 0) throw new IllegalArgumentException("not a TLC state line: " + conjunct.strip());
            vars.put(conjunct.substring(0, eq).strip(), TlaValue.parse(conjunct.substring(eq + 3)));
        }
        return new TlaState(vars);
    }

    /** The entries that differ from {@code before} to this state, e.g. {@code registry[s1]: {"c1"} -> {}}. */
    public List<String> changesFrom(TlaState before) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, TlaValue> e : variables.entrySet()) {
            diff(e.getKey(), before.variables.get(e.getKey()), e.getValue(), out);
        }
        return out;
    }

    private static void diff(String path, TlaValue before, TlaValue after, List<String> out) {
        if (Objects.equals(before, after)) return;
        if (before instanceof Fn b && after instanceof Fn a && b.mapping().keySet().equals(a.mapping().keySet())) {
            for (TlaValue key : a.mapping().keySet()) {
                String k = key instanceof TlaValue.Str s ? s.value() : key.toString();
                diff(path + "[" + k + "]", b.mapping().get(key), a.mapping().get(key), out);
            }
        } else if (before instanceof Seq b && after instanceof Seq a && a.elements().size() > b.elements().size()
                && a.elements().subList(0, b.elements().size()).equals(b.elements())) {
            List<TlaValue> added = a.elements().subList(b.elements().size(), a.elements().size());
            out.add(path + " += " + new Seq(added).toString().replace("<<", "").replace(">>", ""));
        } else {
            out.add(path + ": " + before + " -> " + after);
        }
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        variables.forEach((k, v) -> b.append(b.length() == 0 ? "" : " ").append("/\\ ").append(k).append(" = ").append(v));
        return b.toString();
    }
}
