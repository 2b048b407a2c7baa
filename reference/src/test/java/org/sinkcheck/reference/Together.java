package org.sinkcheck.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Runs test roles each on a thread of its own, all at once, and waits for every one. */
final class Together {
    private Together() { }

    /**
     * Runs each of {@code roles} on a thread {@code threads} makes, adding what any role throws to
     * {@code failures} as it happens (so the others can see it and stop), waits for all, and fails with
     * the first failure.
     */
    static void run(Function<Runnable, Thread> threads, List<Throwable> failures, Runnable... roles) throws InterruptedException {
        List<Thread> started = new ArrayList<>();
        for (Runnable role : roles) {
            Thread thread = threads.apply(() -> {
                try {
                    role.run();
                } catch (Throwable t) {
                    failures.add(t);
                }
            });
            started.add(thread);
            thread.start();
        }
        for (Thread thread : started) thread.join();
        if (!failures.isEmpty()) throw new AssertionError(failures.get(0));
    }
}
