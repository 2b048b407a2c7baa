package org.sinkcheck.reliability;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.opentest4j.AssertionFailedError;

/**
 * Runs scenario steps on daemon threads and waits a bounded time for them, so that a deadlock fails the
 * test with a message naming the step instead of hanging the build. A thread stuck in a broken sink is
 * left behind; being a daemon, it does not keep the JVM alive.
 */
final class Bounded {
    private Bounded() {}

    /** A started step. */
    static final class Step extends Thread {
        private final Runnable task;
        private volatile Throwable failure;

        private Step(String name, Runnable task) {
            super(name);
            this.task = task;
            setDaemon(true);
        }

        @Override
        public void run() {
            try {
                task.run();
            } catch (Throwable t) {
                failure = t;
            }
        }

        /** Waits up to {@code limit}; fails if the step is still running, rethrows what it threw. */
        void await(Duration limit) {
            try {
                join(limit.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionFailedError("interrupted while waiting for " + getName());
            }
            if (isAlive()) {
                throw new AssertionFailedError(getName() + " did not return within " + limit.toMillis() + " ms: it is blocked (deadlock?)");
            }
            if (failure instanceof Error) throw (Error) failure;
            if (failure != null) throw new AssertionFailedError(getName() + " threw " + failure, failure);
        }

        boolean finished() { return !isAlive(); }
    }

    /** Starts {@code task} on a daemon thread named {@code what}. */
    static Step start(String what, Runnable task) {
        Step step = new Step(what, task);
        step.start();
        return step;
    }

    /** Waits for {@code latch}, keeping the interrupt status if interrupted. */
    static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs {@code task} and waits for it at most {@code limit}. */
    static void run(Duration limit, String what, Runnable task) {
        start(what, task).await(limit);
    }
}
