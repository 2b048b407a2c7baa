package org.sinkcheck.gate.report;

import org.sinkcheck.kit.run.Verdict;

/**
 * How the gate combines the verdicts of several engines on one rule (the kit's {@link Verdict}s): a failure
 * anywhere fails; else NOT PROMISED (the sink does not promise what the rule needs, unwaived) fails; else an
 * observed pass passes; else UNTESTED (applicable, unobserved: a hole, never a pass); else STRESS TIER (only
 * interleavings can judge it, and no stress engine ran); else WAIVED; else NOT APPLICABLE.
 */
public final class Verdicts {
    private Verdicts() {}

    public static Verdict combine(Verdict a, Verdict b) {
        return rank(a) >= rank(b) ? a : b;
    }

    /** What a report says of a MUST rule with this verdict, which fails the gate: {@code violated}, {@code untested}, {@code not promised}. */
    public static String failure(Verdict v) {
        return switch (v) {
            case FAIL -> "violated";
            case NOT_PROMISED -> "not promised";
            default -> "untested";
        };
    }

    private static int rank(Verdict v) {
        return switch (v) {
            case FAIL -> 6;
            case NOT_PROMISED -> 5;
            case PASS -> 4;
            case UNTESTED -> 3;
            case STRESS_TIER -> 2;
            case WAIVED -> 1;
            case NOT_APPLICABLE -> 0;
        };
    }
}
