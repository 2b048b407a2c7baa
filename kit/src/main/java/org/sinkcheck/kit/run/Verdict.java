package org.sinkcheck.kit.run;

/**
 * What the kit concluded about one rule for one sink. Only {@link #PASS} is a pass.
 *
 * <p><b>PASS and PASS+.</b> A rule with a concurrent part ({@code Rule.concurrentPart()}: what only
 * interleavings can break) that passed is printed {@value #PASS_PLUS} until an engine that runs interleavings
 * (the gate's stress tier) decided that part too; then it is PASS. The kit never runs interleavings, so
 * every such rule it passes is PASS+; the gate prints PASS+ under {@code --no-stress} and for a rule whose
 * races did not decide it. Every report counts PASS+ apart from PASS ({@link VerdictCounts}); like every
 * verdict but the failing ones, it fails nothing.
 */
public enum Verdict {
    /** Observed in the given number of steps and never broken (PASS+ while its concurrent part is undecided). */
    PASS,
    /** Broken; the row carries the counterexample. */
    FAIL,
    /**
     * The adapter cannot observe what the rule needs (a can-observe capability it does not declare), or the
     * rule is no MUST; the row carries {@code Capability.reason()}. Fails nothing.
     */
    NOT_APPLICABLE,
    /**
     * A MUST rule whose promise the adapter does not declare ({@code Capability.Kind.PROMISE}): not checked,
     * and it fails the gate — no silent opt-out — unless the user waives the rule by id.
     */
    NOT_PROMISED,
    /** NOT PROMISED, and waived by the user by rule id: not checked, fails nothing; the row says who waived it. */
    WAIVED,
    /** Only interleavings can break it: the stress tier (jcstress, Lincheck) checks it, not this kit. */
    STRESS_TIER,
    /** Applicable, but no replayed step exercised it: a hole in the budget, never a pass. */
    UNTESTED;

    /** Whether a MUST rule with this verdict fails: FAIL, UNTESTED (a hole, never a pass) and NOT PROMISED. */
    public boolean failsRequiredRule() {
        return this == FAIL || this == UNTESTED || this == NOT_PROMISED;
    }

    /** How every report prints a PASS whose rule's concurrent part no engine decided. */
    public static final String PASS_PLUS = "PASS+";

    /** {@link #label()}, or {@value #PASS_PLUS} for a PASS whose concurrent part is undecided. */
    public String label(boolean concurrentPartUndecided) {
        return this == PASS && concurrentPartUndecided ? PASS_PLUS : label();
    }

    /** How the console table prints it. */
    public String label() {
        return switch (this) {
            case STRESS_TIER -> "STRESS TIER";
            case NOT_APPLICABLE -> "N/A";
            case NOT_PROMISED -> "NOT PROMISED";
            default -> name();
        };
    }
}
