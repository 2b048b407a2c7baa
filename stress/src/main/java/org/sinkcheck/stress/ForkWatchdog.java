package org.sinkcheck.stress;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.sinkcheck.reference.adapter.SinkUnderTest;

/**
 * Ends a jcstress fork whose work is done but which a sink's non-daemon threads keep alive. jcstress's
 * {@code ForkedMain} sends the fork's result to the host and returns from {@code main}; it exits the JVM
 * only when its own actor threads are stale, so a sink that leaves a non-daemon thread running (a network
 * client's dispatcher, an actor system) holds the fork — and the host, which waits for it — until the
 * tier's timeout. Started by the first race constructed in a fork whose JVM has {@value #GRACE_PROPERTY}
 * set (only {@link StressRunner} sets it, for jcstress's forks), the watchdog waits for the fork's main
 * thread to end, gives the sink's threads that long to end by themselves, and then halts the JVM, after
 * writing one line naming the race, the sink and the threads still alive to {@value #LOG} in the fork's
 * working folder (the stress run's folder) and to its standard error.
 *
 * <p>Halting loses nothing: the result was sent before {@code main} returned, and what is left are the
 * sink's own threads. {@code Runtime.halt}, not {@code System.exit}: a sink's shutdown hook could wait for
 * the very threads that keep the fork alive.
 */
final class ForkWatchdog {
    /** The grace, in milliseconds, after the fork's main thread ended. */
    static final String GRACE_PROPERTY = "sinkcheck.fork.graceMillis";
    /** The file, in the fork's working folder, where each fork this ended says so. */
    static final String LOG = "sinkcheck-forks.log";
    static final Duration GRACE = Duration.ofSeconds(2);

    private static volatile boolean started;

    private ForkWatchdog() {}

    /** Starts the watchdog once per fork, naming the race that constructs the first {@link Race}. */
    static void startOnce() {
        if (started) return;
        String grace = System.getProperty(GRACE_PROPERTY);
        if (grace == null) return;
        synchronized (ForkWatchdog.class) {
            if (started) return;
            started = true;
        }
        Thread main = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("main")).findFirst().orElse(null);
        if (main == null) return;
        String race = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(frames -> frames.map(StackWalker.StackFrame::getDeclaringClass)
                        .filter(c -> c != ForkWatchdog.class && c != Race.class).findFirst())
                .map(Class::getSimpleName).orElse("a race");
        Thread watchdog = new Thread(() -> watch(main, Duration.ofMillis(Long.parseLong(grace)), race), "sinkcheck-fork-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static void watch(Thread main, Duration grace, String race) {
        try {
            main.join();
            long deadline = System.nanoTime() + grace.toNanos();
            List<Thread> alive = keepingTheJvmAlive();
            while (!alive.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
                alive = keepingTheJvmAlive();
            }
            if (alive.isEmpty()) return;
            String line = "sinkcheck: ended the jcstress fork of " + race + " on " + SinkUnderTest.adapter().name() + " "
                    + grace.toMillis() + " ms after its run: the sink left non-daemon threads alive: "
                    + alive.stream().map(t -> "'" + t.getName() + "' (" + t.getState() + ")").sorted().collect(Collectors.joining(", "));
            System.err.println(line);
            Files.writeString(Path.of(LOG), line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (InterruptedException | IOException e) {
            System.err.println("sinkcheck: the fork watchdog could not write " + LOG + ": " + e);
        }
        RaceTraces.writeAll();   // halting skips the shutdown hook that would write them
        Runtime.getRuntime().halt(0);
    }

    /** The live non-daemon threads but the JVM's own, which keep it from exiting. */
    private static List<Thread> keepingTheJvmAlive() {
        Set<Thread> threads = Thread.getAllStackTraces().keySet();
        return threads.stream()
                .filter(t -> t.isAlive() && !t.isDaemon() && t != Thread.currentThread() && !t.getName().equals("DestroyJavaVM"))
                .toList();
    }
}
