package org.sinkcheck.model;

import java.util.Set;
import java.util.TreeSet;

/**
 * The constants of CancelAll.tla: how many sinks and calls, which calls are endless subscriptions,
 * and how many object/progress signals one call may receive. Sinks and calls are numbered from 0;
 * their TLA+ names are {@code "s1"…} and {@code "c1"…}.
 */
public record Bounds(int sinks, int calls, Set<Integer> endless, int maxSignals) {

    /** The bounds of spec/tla/CancelAll.cfg, the CI configuration. */
    public static final Bounds CI = new Bounds(2, 3, Set.of(2), 1);

    public Bounds {
        if (sinks < 1 || calls < 1 || maxSignals < 0) {
            throw new IllegalArgumentException("bounds need at least one sink and one call: " + sinks + "/" + calls);
        }
        endless = Set.copyOf(new TreeSet<>(endless));
        for (int c : endless) {
            if (c < 0 || c >= calls) throw new IllegalArgumentException("endless call " + c + " out of range");
        }
    }

    public boolean isEndless(int call) { return endless.contains(call); }

    public static String sinkName(int sink) { return "s" + (sink + 1); }

    public static String callName(int call) { return "c" + (call + 1); }
}
