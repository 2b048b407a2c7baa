package org.sinkcheck.bench.report;

/**
 * One performance target and how the run did against it. The verdict is taken on the ratio's whole
 * spread ({@link Spread#over}: every pairing of forks), never on its median alone: MET when the whole
 * spread lies on the right side of the bound, MISSED when it lies wholly on the wrong side, and
 * UNDECIDED when the bound falls inside it (the run cannot tell) or when fewer than {@value #MIN_FORKS}
 * forks stand behind a figure.
 *
 * @param goal     the target in words, bound included
 * @param ratio    the measured ratio, or null when this run lacks a figure the target needs
 * @param atMost   true for a bound the ratio must not exceed, false for one it must reach
 * @param bound    the bound
 * @param verdict  MET, MISSED, UNDECIDED, or NOT MEASURED
 * @param compared what was compared, for a person reading the table
 * @param reason   one line: why this verdict (where the spread lies, and any caveat of this run)
 */
public record Target(String goal, Spread ratio, boolean atMost, double bound, Verdict verdict, String compared, String reason) {
    /** Forks per figure below which no verdict is taken: one or two forks give no spread worth the name. */
    public static final int MIN_FORKS = 3;

    /** How a run did against a target. */
    public enum Verdict {
        MET, MISSED, UNDECIDED, NOT_MEASURED;

        @Override public String toString() { return this == NOT_MEASURED ? "NOT MEASURED" : name(); }
    }

    /**
     * A target on a ratio that must stay at or below {@code max}.
     *
     * @param caveat appended to the reason, or null
     */
    static Target atMost(String goal, Spread ratio, double max, String compared, String caveat) {
        return judged(goal, ratio, true, max, compared, caveat);
    }

    /** A target on a ratio that must reach at least {@code min}. */
    static Target atLeast(String goal, Spread ratio, double min, String compared, String caveat) {
        return judged(goal, ratio, false, min, compared, caveat);
    }

    private static Target judged(String goal, Spread ratio, boolean atMost, double bound, String compared, String caveat) {
        Verdict verdict;
        String why;
        String b = BenchReport.fmt(bound);
        if (ratio == null) {
            verdict = Verdict.NOT_MEASURED;
            why = "this run has no figure for it";
        } else if (ratio.forks() > 0 && ratio.forks() < MIN_FORKS) {
            verdict = Verdict.UNDECIDED;
            why = "only " + ratio.forks() + " fork" + (ratio.forks() == 1 ? "" : "s") + " behind a figure: a verdict needs " + MIN_FORKS;
        } else if (atMost ? ratio.max() <= bound : ratio.min() >= bound) {
            verdict = Verdict.MET;
            why = "the whole spread is " + (atMost ? "≤ " : "≥ ") + b;
        } else if (atMost ? ratio.min() > bound : ratio.max() < bound) {
            verdict = Verdict.MISSED;
            why = "the whole spread is " + (atMost ? "> " : "< ") + b;
        } else {
            verdict = Verdict.UNDECIDED;
            why = "the spread " + BenchReport.fmt(ratio.min()) + "–" + BenchReport.fmt(ratio.max()) + " contains " + b;
        }
        return new Target(goal, ratio, atMost, bound, verdict, compared, caveat == null ? why : why + "; " + caveat);
    }

    /** The bound as the table shows it, e.g. {@code ≤ 1.3}. */
    public String boundText() { return (atMost ? "≤ " : "≥ ") + BenchReport.fmt(bound); }
}
