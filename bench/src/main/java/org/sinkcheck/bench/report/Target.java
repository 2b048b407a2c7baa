package org.sinkcheck.bench.report;

/**
 * One performance target of issue 6 and how the run did against it.
 *
 * @param goal     the target in words
 * @param ratio    the measured ratio the verdict is taken on (NaN when not measured)
 * @param bound    the ratio's bound, in words (e.g. {@code ≤ 1.5})
 * @param verdict  MET, MISSED, or NOT MEASURED when this run lacks a benchmark the target needs
 * @param evidence what was compared, for a person reading the table
 */
public record Target(String goal, double ratio, String bound, Verdict verdict, String evidence) {

    /** How a run did against a target. */
    public enum Verdict {
        MET, MISSED, NOT_MEASURED;

        @Override public String toString() { return this == NOT_MEASURED ? "NOT MEASURED" : name(); }
    }

    /** A target on a ratio that must stay at or below {@code max}. */
    static Target atMost(String goal, double ratio, double max, String evidence) {
        return new Target(goal, ratio, "≤ " + max, verdict(ratio, ratio <= max), evidence);
    }

    /** A target on a ratio that must reach at least {@code min}. */
    static Target atLeast(String goal, double ratio, double min, String evidence) {
        return new Target(goal, ratio, "≥ " + min, verdict(ratio, ratio >= min), evidence);
    }

    private static Verdict verdict(double ratio, boolean holds) {
        if (Double.isNaN(ratio)) return Verdict.NOT_MEASURED;
        return holds ? Verdict.MET : Verdict.MISSED;
    }
}
