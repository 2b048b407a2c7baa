package org.sinkcheck.kit.run;

import java.util.List;
import org.sinkcheck.model.Violation;
import org.sinkcheck.rules.Operator;
import org.sinkcheck.rules.Rule;

/**
 * A behaviour of the model that the sink does not follow: the actions from a fresh set of sinks, the
 * last of which went wrong, and how. Written for a person in a hurry: {@link #toString()} is a numbered
 * list with the failing step marked.
 *
 * @param origin     where it was found ("edge-cover path 17 of 2048", "random walk 3, seed 42")
 * @param seed       the seed that reproduces it ({@code Conformance.Options.withSeed}), or null for a replay path
 * @param shrunkFrom how many actions the behaviour had before delta debugging shrank it
 */
public record Counterexample(Operator operator, String detail, List<String> actions, String origin,
                             Long seed, int shrunkFrom) {

    /** @param actions as printed, one line each */
    static Counterexample of(Violation d, List<String> actions, String origin, Long seed, int shrunkFrom) {
        return new Counterexample(d.operator(), d.detail(), List.copyOf(actions), origin, seed, shrunkFrom);
    }

    public Rule rule() { return operator.rule(); }

    /** The numbered actions, the last one marked with what went wrong. */
    public String numbered() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < actions.size(); i++) {
            sb.append(String.format("  %2d. %s%n", i + 1, actions.get(i)));
        }
        sb.append("      ^ ").append(detail);
        return sb.toString();
    }

    @Override
    public String toString() {
        String provenance = origin + (shrunkFrom > actions.size() ? ", shrunk from " + shrunkFrom + " actions" : "");
        return rule().id() + " (" + operator + ") broken after " + actions.size() + " action(s) [" + provenance + "]:"
                + System.lineSeparator() + numbered();
    }
}
