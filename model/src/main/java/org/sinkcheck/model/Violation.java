package org.sinkcheck.model;

import java.util.Objects;
import org.sinkcheck.rules.Operator;
import org.sinkcheck.rules.Rule;

/** A rule that does not hold: the TLA+ operator that states it (which knows its rule) and what was seen. */
public record Violation(Operator operator, String detail) {
    public Violation {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(detail, "detail");
    }

    public Rule rule() { return operator.rule(); }

    @Override
    public String toString() {
        return rule().id() + " (" + operator + "): " + detail;
    }
}
