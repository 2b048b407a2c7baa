package org.sinkcheck.kit.run;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.sinkcheck.kit.Settling;
import org.sinkcheck.model.Bounds;

/**
 * How much the kit does. The exhaustive replay always covers every edge of the state graph at
 * {@link #replayBounds()} ({@link Bounds#CI}, the bounds TLC checks in CI); the random walks go further,
 * over more sinks and calls, for as many actions as the budget allows.
 *
 * <p>From the command line: {@code -Dsinkcheck.budget=ci|extended}, and to reproduce a walk
 * {@code -Dsinkcheck.seed=<seed printed with the counterexample>}; {@code -Dsinkcheck.walks} and
 * {@code -Dsinkcheck.walkLength} override the budget's numbers; {@code -Dsinkcheck.settleSeconds} bounds
 * each step's {@code settle} ({@link Settling}).
 *
 * @param walks      how many random walks; walk {@code i} uses seed {@code seed + i}
 * @param walkLength actions per walk
 * @param seed       the first walk's seed; an odd seed's walk also makes every listener throw from its finals
 * @param settleBudget how long one step's {@code settle} may take, over all its sinks ({@link Settling})
 */
public record Options(Bounds replayBounds, Bounds walkBounds, int walks, int walkLength, long seed, int shrinkBudget,
                      Duration settleBudget) {

    /**
     * The named budgets, as {@code -Dsinkcheck.budget} and the gate's {@code --budget} both spell them
     * (lower case, the way they are typed).
     */
    public enum Budget {
        ci, extended;

        public Options options() { return this == ci ? ci() : extended(); }
    }

    /** The seed of CI runs, fixed so that CI is reproducible. */
    public static final long DEFAULT_SEED = 20261125L;

    public Options {
        if (walks < 0 || walkLength < 1 || shrinkBudget < 1) {
            throw new IllegalArgumentException("walks must be >= 0 and walk length and shrink budget >= 1: "
                    + walks + ", " + walkLength + ", " + shrinkBudget);
        }
        if (settleBudget.isNegative() || settleBudget.isZero()) throw new IllegalArgumentException("the settle budget must be positive: " + settleBudget);
    }

    /**
     * Fits CI: 8 walks of 2,000 actions over 6 sinks and 640 calls, so a load phase can hold every
     * threshold up to 513 calls pending on one sink ({@code RandomWalk.THRESHOLDS}).
     */
    public static Options ci() {
        return new Options(Bounds.CI, walkBounds(6, 640), 8, 2_000, DEFAULT_SEED, 3_000, Settling.DEFAULT_BUDGET);
    }

    /** For a deeper look: 64 walks of 10,000 actions over 9 sinks and 2,100 calls (thresholds up to 2,049). */
    public static Options extended() {
        return new Options(Bounds.CI, walkBounds(9, 2_100), 64, 10_000, DEFAULT_SEED, 20_000, Settling.DEFAULT_BUDGET);
    }

    /** The budget named by {@code sinkcheck.budget}, with any of seed, walks, walk length overridden. */
    public static Options fromSystemProperties() {
        String budget = System.getProperty("sinkcheck.budget", Budget.ci.name()).trim();
        Options base;
        try {
            base = Budget.valueOf(budget).options();
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("sinkcheck.budget must be ci or extended, not '" + budget + "'");
        }
        long seed = longProperty("sinkcheck.seed", base.seed());
        int walks = (int) longProperty("sinkcheck.walks", base.walks());
        int length = (int) longProperty("sinkcheck.walkLength", base.walkLength());
        long settle = longProperty("sinkcheck.settleSeconds", base.settleBudget().toSeconds());
        if (settle < 1) throw new IllegalArgumentException("sinkcheck.settleSeconds must be at least 1, not " + settle);
        return new Options(base.replayBounds(), base.walkBounds(), walks, length, seed, base.shrinkBudget(), Duration.ofSeconds(settle));
    }

    /**
     * The system properties that replay just walk {@code seed} of these options: the budget they are (so the
     * same bounds and shrink budget), the walk length if it is not the budget's, the seed, one walk. Options
     * that are no named budget cannot be spelled as properties: then the code that replays it instead.
     */
    public String reproduceWalk(long walkSeed) {
        for (Budget budget : Budget.values()) {
            Options named = budget.options();
            if (!named.replayBounds.equals(replayBounds) || !named.walkBounds.equals(walkBounds) || named.shrinkBudget != shrinkBudget) continue;
            return "-Dsinkcheck.budget=" + budget + (named.walkLength == walkLength ? "" : " -Dsinkcheck.walkLength=" + walkLength)
                    + " -Dsinkcheck.seed=" + walkSeed + " -Dsinkcheck.walks=1";
        }
        return "these Options .withSeed(" + walkSeed + ").withWalks(1, " + walkLength + ")";
    }

    public Options withSeed(long newSeed) {
        return new Options(replayBounds, walkBounds, walks, walkLength, newSeed, shrinkBudget, settleBudget);
    }

    public Options withWalks(int newWalks, int newLength) {
        return new Options(replayBounds, walkBounds, newWalks, newLength, seed, shrinkBudget, settleBudget);
    }

    public Options withSettleBudget(Duration budget) {
        return new Options(replayBounds, walkBounds, walks, walkLength, seed, shrinkBudget, budget);
    }

    /** {@code sinks} sinks, {@code calls} calls of which every seventh is an endless subscription, two signals each. */
    static Bounds walkBounds(int sinks, int calls) {
        Set<Integer> endless = new TreeSet<>();
        for (int c = 6; c < calls; c += 7) endless.add(c);
        return new Bounds(sinks, calls, endless, 2);
    }

    private static long longProperty(String name, long fallback) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) return fallback;
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
        }
    }
}
