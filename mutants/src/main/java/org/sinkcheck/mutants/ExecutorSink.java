package org.sinkcheck.mutants;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import org.sinkcheck.kit.Settling;
import org.sinkcheck.sink.SinkListener;

/**
 * A correct control that calls back on its own executor: the registry of {@link ConcurrentMapSink}, and
 * every callback run by this sink's serial executor (one task at a time, in order, like gRPC's
 * {@code SerializingExecutor}) on a pool shared by all such sinks, whose threads die after
 * {@value #KEEP_ALIVE_MS} ms idle and are made anew: threads come and go. A signal returns as soon as
 * its callback is queued; a provider signalling a call whose previous callback has not run yet waits
 * for it (one callback per call in flight, so callbacks of a call never overlap, SC-09); a signal from
 * inside one of this sink's callbacks is refused busy instead, as on the calling-thread designs.
 * {@link #settle} waits until every queued callback has run: the kit's {@code settle}.
 *
 * <p>This is the shape that the kit's old machinery failed (a listener disarmed before the callback it
 * was armed for ran), and the shape Lincheck cannot run (threads of its own).
 */
public class ExecutorSink extends ConcurrentMapSink {
    static final long KEEP_ALIVE_MS = 20;
    private static final long SETTLE_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(10);

    private static final ExecutorService POOL = new ThreadPoolExecutor(0, Integer.MAX_VALUE, KEEP_ALIVE_MS,
            TimeUnit.MILLISECONDS, new SynchronousQueue<>(), task -> {
                Thread t = new Thread(task, "ExecutorSink callbacks");
                t.setDaemon(true);
                return t;
            });

    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    /** Callbacks queued and not yet finished. */
    private final AtomicInteger outstanding = new AtomicInteger();
    /** The thread running this sink's callbacks now, if any. */
    private volatile Thread drainer;

    public ExecutorSink(SinkListener<Object> listener, BiConsumer<Object, Throwable> listenerErrors) {
        super(listener, listenerErrors);
    }

    @Override
    protected void runCallback(Runnable callback) {
        outstanding.incrementAndGet();
        tasks.add(callback);
        if (scheduled.compareAndSet(false, true)) POOL.execute(this::drain);
    }

    private void drain() {
        do {
            drainer = Thread.currentThread();
            for (Runnable task; (task = tasks.poll()) != null; ) {
                try {
                    task.run();
                } finally {
                    outstanding.decrementAndGet();
                }
            }
            drainer = null;
            scheduled.set(false);
        } while (!tasks.isEmpty() && scheduled.compareAndSet(false, true));
    }

    @Override
    protected boolean awaitIdle(Call call) {
        if (Thread.currentThread() == drainer) return false;
        waitFor(() -> idleOrFinished(call), "a callback of one call");
        return true;
    }

    /** Waits until every callback queued so far, and every one they queued, has run: the kit's {@code settle}. */
    public void settle(Settling settling) {
        settling.until("the callbacks it queued to run", () -> outstanding.get() == 0);
    }

    private static void waitFor(java.util.function.BooleanSupplier done, String what) {
        long deadline = System.nanoTime() + SETTLE_LIMIT_NANOS;
        for (int spins = 0; !done.getAsBoolean(); spins++) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("ExecutorSink: " + what + " did not run within 10 s (a listener blocked?)");
            }
            if (spins < 1_000) Thread.yield();
            else LockSupport.parkNanos(50_000);
        }
    }

    /** The kit's adapter: it waits in {@code settle} for the callbacks due so far. */
    public static class Adapter extends ControlAdapter {
        public Adapter() { this(ExecutorSink::new); }

        /** The adapter of a sink of this design, built by {@code factory}. */
        protected Adapter(Factory factory) { super(factory); }

        @Override
        public void settle(ControlSink sink, Settling settling) { ((ExecutorSink) sink).settle(settling); }
    }
}
