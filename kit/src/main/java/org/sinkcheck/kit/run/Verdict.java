package org.sinkcheck.kit.run;

/** What the kit concluded about one rule for one sink. Only {@link #PASS} is a pass. */
public enum Verdict {
    /** Observed in the given number of steps and never broken. */
    PASS,
    /** Broken; the row carries the counterexample. */
    FAIL,
    /** The sink lacks a capability the rule needs; the row carries {@code Capability.reason()}. */
    NOT_APPLICABLE,
    /** Only interleavings can break it: the stress tier (jcstress, Lincheck) checks it, not this kit. */
    STRESS_TIER,
    /** Applicable, but no replayed step exercised it: a hole in the budget, never a pass. */
    UNTESTED;

    /** How the console table prints it. */
    public String label() {
        return this == STRESS_TIER ? "STRESS TIER" : this == NOT_APPLICABLE ? "N/A" : name();
    }
}
