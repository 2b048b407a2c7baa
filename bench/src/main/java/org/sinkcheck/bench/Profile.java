package org.sinkcheck.bench;

import java.util.Locale;

/**
 * How much a bench run measures. {@link #QUICK}, the default, fits in about ten minutes on two shared
 * cores; {@link #FULL} has three forks, more iterations and every measurement at every N; {@link #SMOKE}
 * runs every benchmark once in the calling JVM to prove they execute and write JSON (CI), and its
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
