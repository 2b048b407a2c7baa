package org.sinkcheck.bench.report;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * One figure as several forks measured it: the smallest, the median and the largest <em>per-fork
 * figure</em>, where a fork's figure is the median of that fork's measured iterations. Iterations of one
 * fork share its JIT decisions, heap layout and neighbours' load, so they are not independent samples;
 * forks are closer to independent, which is why the spread is taken across them. The median of the
 * per-fork figures is the headline number; min and max bound it.
 *
 * <p>A ratio of two spreads ({@link #over}) pairs every fork of one side with every fork of the other,
 * because forks of two implementations run minutes apart and no pairing is more right than another: it
 * ranges from the smallest numerator over the largest denominator to the largest over the smallest, and
 * its median is the ratio of the two medians. A verdict taken on such a ratio holds for every pairing.
 *
 * @param min    the smallest per-fork figure
 * @param median the median of the per-fork figures
 * @param max    the largest per-fork figure
 * @param forks  how many forks measured it (0 for an exact figure, such as JOL's byte count); for a
 *               figure formed from several, the fewest of theirs
 */
public record Spread(double min, double median, double max, int forks) {

    public Spread {
        if (!(min <= median && median <= max)) {
            throw new IllegalArgumentException("bench: a spread needs min ≤ median ≤ max, got " + min + ", " + median + ", " + max);
        }
    }

    /** The spread of the per-fork figures {@code perFork} (at least one). */
    public static Spread of(Collection<Double> perFork) {
        if (perFork.isEmpty()) throw new IllegalArgumentException("bench: a spread needs at least one fork");
        double[] sorted = perFork.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Spread(sorted[0], median(sorted), sorted[sorted.length - 1], sorted.length);
    }

    /** A figure measured exactly once, without fork noise (JOL counts bytes). */
    public static Spread exact(double value) {
        return new Spread(value, value, value, 0);
    }

    /** The median of {@code values}, sorted ascending: the middle one, or the mean of the two middle ones. */
    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The median of {@code values}, in any order. */
    static double median(List<Double> values) {
        return median(values.stream().mapToDouble(Double::doubleValue).sorted().toArray());
    }

    /** The forks behind a figure formed from two: the fewer of the two, an exact figure (0) counting as many. */
    private static int fewestForks(int a, int b) {
        return a == 0 ? b : b == 0 ? a : Math.min(a, b);
    }

    /** Every figure times {@code factor} (positive): a batch's rate as a rate of objects. */
    public Spread times(double factor) {
        return new Spread(min * factor, median * factor, max * factor, forks);
    }

    /** {@code this / denominator} over every pairing of forks (positive figures). */
    public Spread over(Spread denominator) {
        return new Spread(min / denominator.max, median / denominator.median, max / denominator.min,
                fewestForks(forks, denominator.forks));
    }

    /**
     * The best of several implementations' figures, as a spread: the smallest (or, with
     * {@code higherIsBetter}, the largest) of each component. Whatever each implementation's true figure
     * within its spread, the best of them lies within this one.
     */
    public static Spread best(Collection<Spread> figures, boolean higherIsBetter) {
        if (figures.isEmpty()) throw new IllegalArgumentException("bench: the best of no figures");
        double[] min = figures.stream().mapToDouble(Spread::min).toArray();
        double[] median = figures.stream().mapToDouble(Spread::median).toArray();
        double[] max = figures.stream().mapToDouble(Spread::max).toArray();
        int forks = figures.stream().mapToInt(Spread::forks).reduce(0, Spread::fewestForks);
        return higherIsBetter
                ? new Spread(Arrays.stream(min).max().orElseThrow(), Arrays.stream(median).max().orElseThrow(), Arrays.stream(max).max().orElseThrow(), forks)
                : new Spread(Arrays.stream(min).min().orElseThrow(), Arrays.stream(median).min().orElseThrow(), Arrays.stream(max).min().orElseThrow(), forks);
    }
}
