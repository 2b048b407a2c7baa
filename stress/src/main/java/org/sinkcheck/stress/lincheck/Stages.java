package org.sinkcheck.stress.lincheck;

import java.util.ArrayList;
import java.util.List;
import org.sinkcheck.kit.SinkAdapter;
import org.sinkcheck.stress.Race;

/**
 * The races Lincheck's scenario instances stage, so that each one's sinks are disposed of exactly once
 * even when a scenario ends before its validation grades it (an operation threw, the validation
 * failed elsewhere, Lincheck stopped an invocation): grading disposes a race's sinks, and after each
 * Lincheck check {@link #disposeUngraded} disposes the sinks of every race nobody graded. Harness, not
 * sink: Lincheck ignores this class ({@link LincheckCheck}), so its lock adds no interleavings.
 */
public final class Stages {
    private static final List<Race> STAGED = new ArrayList<>();

    private Stages() {}

    /**
     * A race over {@code sinkCount} fresh sinks of the sink under test, remembered until the check ends; its
     * invocation is recorded as one of {@code scenarios}' when recording is on ({@code RaceTraces}).
     */
    static Race race(Class<?> scenarios, int sinkCount) { return staged(new Race(scenarios, sinkCount)); }

    /** A race over {@code sinkCount} fresh sinks of {@code adapter}'s sink, remembered until the check ends. */
    @SuppressWarnings("unchecked")
    static Race race(SinkAdapter<?, ?> adapter, int sinkCount) {
        return staged(new Race((SinkAdapter<Object, Object>) adapter, sinkCount));
    }

    private static Race staged(Race race) {
        synchronized (STAGED) {
            STAGED.add(race);
        }
        return race;
    }

    /** Disposes the sinks of every race staged since the last call that was not graded; graded ones were. */
    static void disposeUngraded() {
        List<Race> staged;
        synchronized (STAGED) {
            staged = List.copyOf(STAGED);
            STAGED.clear();
        }
        for (Race race : staged) race.dispose();
    }
}
