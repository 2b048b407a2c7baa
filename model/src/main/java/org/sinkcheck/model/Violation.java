package org.sinkcheck.model;

import org.sinkcheck.rules.Rule;

/** A rule that does not hold, with the TLA+ operator that expresses it and what was seen. */
public record Violation(Rule rule, String tlaName, String detail) {
    @Override
    public String toString() {
        return rule.id() + " (" + tlaName + "): " + detail;
    }
}
