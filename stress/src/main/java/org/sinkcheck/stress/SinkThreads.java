package org.sinkcheck.stress;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.sinkcheck.kit.SinkAdapter;

/**
 * Whether a sink runs code on threads of its own (an executor for its callbacks, a timer, a pool):
 * Lincheck's model checking controls only the threads it starts, and 2.39 fails inside itself
 * ({@code Check failed.}) on such a sink, so {@link StressRunner} reports Lincheck NOT RUN for it with
 * this as the reason instead of starting it. The probe plays one short race (begin, deliver, cancel,
 * settle) and looks for application threads that were not there before.
 */
final class SinkThreads {
    private SinkThreads() {}

    /**
     * The name of a thread {@code adapter}'s sink started during one short race, if any. It looks after
     * each step, before the race is graded: grading disposes the sink, whose threads may end with it.
     */
    static Optional<String> startedBy(SinkAdapter<Object, Object> adapter) {
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        Set<String> started = new TreeSet<>();
        Race race = new Race(adapter, 1);
        RaceCall probe = race.pendingCall("probe", 0);
        race.deliver(probe);
        started.addAll(newThreads(before));
        race.cancel(0);
        started.addAll(newThreads(before));
        race.brokenRule();
        return started.stream().findFirst();
    }

    private static Set<String> newThreads(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive() && !isJvmOwn(t))
                .map(Thread::getName).collect(Collectors.toSet());
    }

    /** The JVM's own threads (attach listener, cleaners) live in the system thread group. */
    private static boolean isJvmOwn(Thread thread) {
        ThreadGroup group = thread.getThreadGroup();
        return group == null || group.getName().equals("system");
    }
}
