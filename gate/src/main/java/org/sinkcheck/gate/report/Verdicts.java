package org.sinkcheck.gate.report;

import org.sinkcheck.kit.run.Verdict;

/**
 * How the gate combines the verdicts of several engines on one rule (the kit's {@link Verdict}s): a failure
 * anywhere fails; else an observed pass passes; else UNTESTED (applicable, unobserved: a hole, never a
 * pass); else STRESS TIER (only interleavings can judge it, and no stress engine ran); else NOT APPLICABLE.
 */
public final class Verdicts {
    private Verdicts() {}

    public static Verdict combine(Verdict a, Verdict b) {
        return rank(a) >= rank(b) ? a : b;
    }

    /** Whether a MUST rule with this verdict fails the gate. */
    public static boolean failsGate(Verdict v) {
        return v == Verdict.FAIL || v == Verdict.UNTESTED;
    }

    private static int rank(Verdict v) {
        switch (v) {
            case FAIL: return 4;
            case PASS: return 3;
            case UNTESTED: return 2;
            case STRESS_TIER: return 1;
            default: return 0;
        }
    }
}
