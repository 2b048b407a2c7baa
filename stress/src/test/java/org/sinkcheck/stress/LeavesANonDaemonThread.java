package org.sinkcheck.stress;

import java.util.concurrent.CountDownLatch;
import java.util.function.BiConsumer;
import org.sinkcheck.kit.SinkApiAdapter;
import org.sinkcheck.reference.ReferenceSink;
import org.sinkcheck.sink.SinkListener;

/**
 * The reference sink behind a library that starts a non-daemon thread with its first sink and never stops
 * it, as a network client's dispatcher or an actor system does: a JVM that made one of its sinks cannot
 * end by itself.
 */
public final class LeavesANonDaemonThread extends SinkApiAdapter<ReferenceSink<Object>> {
    /** The name of the thread the library leaves running. */
    public static final String THREAD = "library-dispatcher";

    private static final class Library {
        static {
            Thread dispatcher = new Thread(() -> {
                try {
                    new CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, THREAD);
            dispatcher.start();
        }

        static void ensureStarted() {}
    }

    @Override
    protected ReferenceSink<Object> create(SinkListener<Object> listener, BiConsumer<Object, Throwable> listenerErrors) {
        Library.ensureStarted();
        return new ReferenceSink<>(listener, listenerErrors);
    }
}
