package org.sinkcheck.gate.report;

/** A rule's verdict in the gate: the verdicts of every engine that looked at it, combined. */
public enum Verdict {
    PASS, FAIL, NOT_APPLICABLE;

    /** Any failure fails; a pass needs one engine that could observe the rule. */
    public Verdict and(Verdict other) {
        if (this == FAIL || other == FAIL) return FAIL;
        if (this == PASS || other == PASS) return PASS;
        return NOT_APPLICABLE;
    }

    /** How the console table and the wild tables write it. */
    public String label() {
        return this == NOT_APPLICABLE ? "N/A" : name();
    }
}
