package org.sinkcheck.wild;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The thread pool an OkHttp {@code Dispatcher} runs its calls on, built as OkHttp builds its default one
 * (no core threads, no bound, a hand-off queue, idle threads kept 60 s, non-daemon threads named
 * {@code OkHttp Dispatcher}), with one difference: an exception a callback throws, which OkHttp rethrows
 * on the dispatcher thread after cancelling the call, is counted ({@link #rethrown()}) instead of printed
 * with its stack trace. The kit makes listeners throw from their finals thousands of times on purpose;
 * the verdicts are the same either way.
 */
final class DispatcherThreads {
    private static final AtomicLong RETHROWN = new AtomicLong();

    private static final ThreadFactory THREADS = runnable -> {
        Thread thread = new Thread(runnable, "OkHttp Dispatcher");
        thread.setDaemon(false);
        thread.setUncaughtExceptionHandler((t, e) -> RETHROWN.incrementAndGet());
        return thread;
    };

    private DispatcherThreads() {}

    /** A new pool for one dispatcher; whoever owns the dispatcher shuts it down. */
    static ExecutorService newPool() {
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), THREADS);
    }

    /** Exceptions OkHttp rethrew from a callback on a dispatcher thread since this class was loaded. */
    static long rethrown() { return RETHROWN.get(); }
}
