package org.sinkcheck.stress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.sinkcheck.kit.SinkAdapter;
import org.sinkcheck.kit.trace.TraceRecorder;
import org.sinkcheck.kit.trace.TraceSamples;

/**
 * Records the first samples of each race in a jcstress fork as one trace per race, for TLC to validate
 * ({@code ./sinkcheck stress --trace N}). Off unless the fork's JVM has {@value #SAMPLES_PROPERTY} set
 * above 0 ({@link StressRunner} sets it, and {@value #FOLDER_PROPERTY}, only when asked): then the first
 * {@code N} samples of each race run their sink through a {@code TracingAdapter}, each its own recorder,
 * each ended with {@code quiet} once the arbiter has graded it and swept its sinks, and every other
 * sample runs as if this class did not exist.
 *
 * <p>The file of a race, {@code <race>-<pid>.ndjson} in the folder, is written once its {@code N}
 * samples are graded; a fork that ends with fewer writes what it has, at exit (a shutdown hook) or just
 * before {@link ForkWatchdog} halts it. In a Lincheck JVM the first {@code N} invocations of each scenario
 * class are recorded the same way, each written as it is graded ({@link #nextInvocation}).
 */
final class RaceTraces {
    /*
     * Implementation notes.
     *
     * Cost when off: LIMIT is a static final read once per fork, so Race's check of it folds to a
     * constant, and no recorder, StackWalker or map is touched: the races' speed and interleavings are
     * those of a run without this class. When on, a sample's recording costs a ticket per event and
     * perturbs only the first N samples, which jcstress's sanity check and resource estimate take first.
     *
     * Per race, `started` hands out at most LIMIT samples; `graded` counts those whose arbiter finished
     * (a sample whose actor or arbiter threw is never added, so a file holds only complete samples). The
     * last graded of the LIMIT writes the file; `written` makes the write happen once, whichever of that,
     * the shutdown hook or the watchdog comes first. TraceSamples is synchronized, so the write sees every
     * sample added before it.
     *
     * Lincheck's invocations (nextInvocation) cannot be gathered in memory: Lincheck 2.39 restores what it
     * reaches from static fields after each invocation (measured: `started` read the same in every
     * invocation of a scenario). So each is written alone as soon as it is graded, `<trace>-<pid>-<k>.ndjson`,
     * k and the limit taken from the files on disk; Lincheck plays one invocation at a time, so no two
     * number a file at once. LincheckCheck lists this class and the recorder as harness it ignores.
     */
    static final String SAMPLES_PROPERTY = "sinkcheck.races.trace";
    static final String FOLDER_PROPERTY = "sinkcheck.races.traceFolder";

    /** Samples recorded per race in this fork; 0 is off. */
    static final int LIMIT = Integer.getInteger(SAMPLES_PROPERTY, 0);
    private static final Path FOLDER = Path.of(System.getProperty(FOLDER_PROPERTY, "race-traces"));
    private static final long PID = ProcessHandle.current().pid();

    private static final Map<String, PerRace> RACES = new ConcurrentHashMap<>();
    private static final AtomicBoolean HOOKED = new AtomicBoolean();

    private RaceTraces() {}

    private static final class PerRace {
        final String race;
        final AtomicInteger started = new AtomicInteger();
        final AtomicInteger graded = new AtomicInteger();
        final AtomicBoolean written = new AtomicBoolean();
        final TraceSamples samples = new TraceSamples();

        PerRace(String race) { this.race = race; }

        void write() {
            if (samples.samples() == 0 || !written.compareAndSet(false, true)) return;
            RaceTraces.write(samples, race, race + "-" + PID);
        }
    }

    /** One recorded sample of a race: the recorder its adapter writes into. */
    static final class Sample {
        private final String race;
        /** A Lincheck invocation's: written to a file of its own once graded, since Lincheck restores memory. */
        private final boolean writtenAlone;
        private final TraceRecorder recorder = new TraceRecorder();

        private Sample(String race, boolean writtenAlone) {
            this.race = race;
            this.writtenAlone = writtenAlone;
        }

        SinkAdapter<Object, Object> wrap(SinkAdapter<Object, Object> adapter) { return recorder.wrap(adapter); }

        /** The arbiter graded the sample and swept its sinks: nothing is pending, so it ends quiet and joins its race's trace. */
        void graded() {
            recorder.quiet();
            if (writtenAlone) {
                TraceSamples alone = new TraceSamples();
                alone.add(recorder);
                write(alone, race, race + "-" + PID + "-" + (invocationsWritten(race) + 1));
                return;
            }
            PerRace per = RACES.get(race);
            per.samples.add(recorder);
            if (per.graded.incrementAndGet() == LIMIT) per.write();
        }
    }

    /** A sample to record for the race {@code race}, or null when recording is off or the race's samples are taken. */
    static Sample next(String race) {
        PerRace per = RACES.computeIfAbsent(race, PerRace::new);
        if (per.started.get() >= LIMIT || per.started.incrementAndGet() > LIMIT) return null;
        if (HOOKED.compareAndSet(false, true)) Runtime.getRuntime().addShutdownHook(new Thread(RaceTraces::writeAll, "sinkcheck-race-traces"));
        return new Sample(race, false);
    }

    /**
     * A Lincheck invocation to record as a sample of {@code trace}, or null when recording is off or this JVM
     * has written {@code LIMIT} of them: counted on disk, since Lincheck restores what it counted in memory.
     */
    static Sample nextInvocation(String trace) {
        return LIMIT > 0 && invocationsWritten(trace) < LIMIT ? new Sample(trace, true) : null;
    }

    /** How many invocations of {@code trace} this JVM has written, {@code <trace>-<pid>-<k>.ndjson}. */
    private static long invocationsWritten(String trace) {
        String prefix = trace + "-" + PID + "-";
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).count();
        } catch (NoSuchFileException none) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the race traces in " + FOLDER, e);
        }
    }

    private static void write(TraceSamples samples, String race, String name) {
        try {
            samples.write(FOLDER.resolve(name + ".ndjson"));
        } catch (RuntimeException e) {
            System.err.println("sinkcheck stress: cannot write the samples of " + race + ": " + e.getMessage());
        }
    }

    /** Writes every race's samples not written yet: at the fork's exit, or before the watchdog halts it. */
    static void writeAll() {
        RACES.values().forEach(PerRace::write);
    }
}
