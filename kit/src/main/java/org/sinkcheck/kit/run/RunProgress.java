package org.sinkcheck.kit.run;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Where a long conformance run is, for a person watching it: the stage (exhaustive replay, random walks),
 * paths done of all, walks done of all, and the time since the run began —
 * {@code conformance: exhaustive replay, 4200 of 19193 paths, 0 of 8 walks, 10 s} — at most once per
 * {@link #every()} of {@link #clock()} and only once the stage has run that long, so a quick run says
 * nothing. A long shrink says where it is on the same clock, at the same rate ({@link Shrinker}). The clock
 * (nanoseconds) is injected, so that a test can run the kit on a clock of its own instead of sleeping.
 */
public record RunProgress(Consumer<String> out, LongSupplier clock, Duration every) {
    /** How often a long run says where it is. */
    public static final Duration EVERY = Duration.ofSeconds(10);

    /** Lines to {@code out}, on the system's clock, every {@link #EVERY}. */
    public static RunProgress to(Consumer<String> out) {
        return new RunProgress(out, System::nanoTime, EVERY);
    }

    /** Tells nothing. */
    public static RunProgress silent() {
        return to(line -> {});
    }

    /** The run's counts so far, told when a reporting interval has passed since the stage began or last told. */
    final class Tracker {
        private final long started = clock.getAsLong();
        private final int paths;
        private final int walks;
        private String stage = "exhaustive replay";
        private long told = started;
        private int pathsDone;
        private int walksDone;

        Tracker(int paths, int walks) {
            this.paths = paths;
            this.walks = walks;
        }

        /** {@code done} replay paths are done. */
        void paths(int done) {
            pathsDone = done;
            tellIfDue();
        }

        /** The replay is over; the walks begin, a stage of their own. */
        void walksBegin() {
            pathsDone = paths;
            stage = "random walks";
            told = clock.getAsLong();
        }

        /** {@code done} random walks are done. */
        void walks(int done) {
            walksDone = done;
            tellIfDue();
        }

        private void tellIfDue() {
            long now = clock.getAsLong();
            if (now - told < every.toNanos()) return;
            told = now;
            out.accept(String.format(Locale.ROOT, "conformance: %s, %d of %d paths, %d of %d walks, %d s",
                    stage, pathsDone, paths, walksDone, walks, Duration.ofNanos(now - started).toSeconds()));
        }
    }

    /** The progress of a run of {@code paths} replay paths and {@code walks} random walks, starting now. */
    Tracker track(int paths, int walks) {
        return new Tracker(paths, walks);
    }

    /** Where a shrink of {@code what} is, on this clock and at this rate. */
    Shrinker.Progress shrinking(String what) {
        return new Shrinker.Progress(out, what, clock, every);
    }
}
