package org.sinkcheck.kit;

/**
 * The thread's context class loader set to the loader an adapter came through, for as long as adapter
 * code runs, then restored: {@code try (ContextLoader ignored = ContextLoader.set(loader)) { … }}.
 * Libraries find their configuration and service providers through the context class loader (Pekko's
 * {@code ConfigFactory.load()}, {@code ServiceLoader.load(type)}, JAXB, logging back ends); an adapter
 * loaded from {@code --classpath} into a loader of its own finds nothing there unless that loader is the
 * context class loader. Threads the sink starts meanwhile inherit it, as they would in the author's
 * application.
 */
public final class ContextLoader implements AutoCloseable {
    private final Thread thread;
    private final ClassLoader previous;

    private ContextLoader(Thread thread, ClassLoader previous) {
        this.thread = thread;
        this.previous = previous;
    }

    /** Makes {@code loader} the current thread's context class loader until {@link #close()}. */
    public static ContextLoader set(ClassLoader loader) {
        Thread current = Thread.currentThread();
        ContextLoader restore = new ContextLoader(current, current.getContextClassLoader());
        current.setContextClassLoader(loader);
        return restore;
    }

    /** Restores the loader that was current before {@link #set}, on the thread that set it. */
    @Override
    public void close() {
        if (Thread.currentThread() != thread) {
            throw new IllegalStateException("a context class loader is restored on the thread that set it, not on " + Thread.currentThread().getName());
        }
        thread.setContextClassLoader(previous);
    }
}
