package org.sinkcheck.kit.run;

import org.sinkcheck.rules.Rule;

/**
 * One way a step of the sink differed from the model's step, charged to the rule it breaks and the
 * TLA+ operator that states that rule. The operator must be one of the rule's: the catalogue in
 * {@link Rule} is the only place rule names live.
 */
public record Discrepancy(Rule rule, String operator, String detail) {
    public Discrepancy {
        if (!rule.tlaNames().contains(operator)) {
            throw new IllegalArgumentException(operator + " is not an operator of " + rule + " " + rule.tlaNames());
        }
    }

    /** Charged to the rule's first (main) operator. */
    static Discrepancy of(Rule rule, String detail) {
        return new Discrepancy(rule, rule.tlaNames().get(0), detail);
    }

    /** Charged to the rule's operator at {@code index} in {@link Rule#tlaNames()}. */
    static Discrepancy of(Rule rule, int index, String detail) {
        return new Discrepancy(rule, rule.tlaNames().get(index), detail);
    }

    @Override
    public String toString() {
        return rule.id() + " (" + operator + "): " + detail;
    }
}
