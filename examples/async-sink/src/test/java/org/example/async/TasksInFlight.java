package org.example.async;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor the adapter hands each sink: a pool of one callback thread that dies when idle and is made
 * anew (threads come and go), and a count of the tasks queued or running on it. Zero means the sink has
 * run every callback due so far, since a callback that queues another does so before its own task ends:
 * what {@code settle} waits for. {@link #shutDown} is what {@code dispose} does.
 */
final class TasksInFlight implements Executor {
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 50, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), task -> {
        Thread thread = new Thread(task, "async-sink callbacks");
        thread.setDaemon(true);
        return thread;
    });

    TasksInFlight() { pool.allowCoreThreadTimeOut(true); }

    @Override
    public void execute(Runnable task) {
        inFlight.incrementAndGet();   // before the task can run, so the count never reads 0 while it is due
        try {
            pool.execute(() -> {
                try {
                    task.run();
                } finally {
                    inFlight.decrementAndGet();
                }
            });
        } catch (RuntimeException rejected) {
            inFlight.decrementAndGet();
            throw rejected;
        }
    }

    boolean idle() { return inFlight.get() == 0; }

    /** Ends the callback thread once the queued callbacks ran; false if it is still running after {@code millis}. */
    boolean shutDown(long millis) throws InterruptedException {
        pool.shutdown();
        return pool.awaitTermination(millis, TimeUnit.MILLISECONDS);
    }
}
