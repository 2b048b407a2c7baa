package org.sinkcheck.reliability;

import java.time.Duration;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The quiet points of a recorded soak ({@link SoakTrace}): a barrier of the workers whose last arrival
 * runs {@code quiesce} while every other worker waits outside the sink.
 */
final class QuietPoints extends Phaser {
    /*
     * Implementation notes.
     *
     * A Phaser rather than a CyclicBarrier, because a worker that leaves (the soak stopped) deregisters,
     * and a phase completed by that deregistration must not strand the workers still waiting in it.
     * onAdvance runs in the thread whose arrival completes the phase, before any waiting worker is
     * released, so `quiesce` runs with no worker inside a sink: the "no thread inside a sink" half of a
     * quiet point (the other half, no call pending, is the quiesce's cancel of every sink, which TLC
     * checks). A worker that waits longer than `grace` means another is stuck inside the sink (SC-11, the
     * soak's own verdict): the quiet points are then switched off for good, so that the soak runs on to
     * that verdict instead of waiting here; `off` is volatile because the waiting workers read it.
     */
    private final Runnable quiesce;
    private final Duration grace;
    private volatile boolean off;

    QuietPoints(int workers, Runnable quiesce, Duration grace) {
        super(workers);
        this.quiesce = quiesce;
        this.grace = grace;
    }

    /** A worker ended a stretch: waits for the others and the quiesce; returns at once once the points are off. */
    void pause() {
        if (off) return;
        try {
            awaitAdvanceInterruptibly(arrive(), grace.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException stuck) {
            off = true;
        } catch (InterruptedException e) {
            off = true;
            Thread.currentThread().interrupt();
        }
    }

    /** A worker stops: it waits at no further point. */
    void leave() { arriveAndDeregister(); }

    @Override
    protected boolean onAdvance(int phase, int registeredParties) {
        if (registeredParties > 0 && !off) quiesce.run();   // (the quiesce skips a phase a leaver completed: the drain follows)
        return registeredParties == 0;
    }
}
