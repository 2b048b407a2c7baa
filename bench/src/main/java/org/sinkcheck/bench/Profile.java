package org.sinkcheck.bench;

import java.util.Locale;

/**
 * How much a bench run measures ({@code BenchPlan} has the settings, {@code docs/performance.md} the
 * measured durations). {@link #QUICK}, the default, measures every figure a target needs in three forks;
 * {@link #FULL} in five, with more iterations and every measurement at every N; {@link #SMOKE} runs
 * every benchmark once in the calling JVM to prove they execute and write their files (CI), and its
 * numbers mean nothing.
 */
public enum Profile {
    SMOKE, QUICK, FULL;

    /** The profile called {@code name} (any case). */
    public static Profile parse(String name) {
        for (Profile p : values()) if (p.name().equalsIgnoreCase(name)) return p;
        throw new IllegalArgumentException("bench: unknown profile '" + name + "' (smoke, quick or full)");
    }

    @Override public String toString() { return name().toLowerCase(Locale.ROOT); }
}
