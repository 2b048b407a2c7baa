package org.sinkcheck.stress;

import org.sinkcheck.rules.Rule;

/**
 * A broken rule seen at the end of a race. Its text is a jcstress outcome: {@code SC-04:a1:object-after-cancelled},
 * the rule id first so that every test's {@code @Outcome(id = "SC-04:.*", expect = FORBIDDEN)} catches it,
 * and no spaces so that it stays one column in jcstress's tables.
 */
public record Violation(Rule rule, String what) {
    @Override
    public String toString() { return rule.id() + ":" + what; }
}
