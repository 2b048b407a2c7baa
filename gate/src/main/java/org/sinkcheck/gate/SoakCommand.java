package org.sinkcheck.gate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.sinkcheck.kit.Capability;
import org.sinkcheck.reliability.Soak;
import org.sinkcheck.reliability.SoakTotals;
import org.sinkcheck.reliability.SoakTrace;
import org.sinkcheck.trace.TraceValidator;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sinkcheck soak}: many threads over many sinks for minutes, every event checked online against the
 * executable model ({@link Soak}); with {@code --trace FILE} also recorded and validated by TLC. Exit 1 when
 * any violation was seen or the trace was rejected.
 */
@Command(name = "soak", usageHelpWidth = 110,
        description = "Soak a sink: many threads, many sinks, every event checked online against the model.")
final class SoakCommand extends SinkCommand {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Length length;

    /** How long: minutes for people, seconds for quick checks. */
    static final class Length {
        @Option(names = "--minutes", paramLabel = "N", required = true, description = "soak for N minutes")
        Integer minutes;

        @Option(names = "--seconds", paramLabel = "N", required = true, description = "soak for N seconds")
        Integer seconds;

        Duration duration() {
            long n = minutes != null ? minutes : seconds;
            if (n < 1) throw new GateException((minutes != null ? "--minutes" : "--seconds") + " must be at least 1, not " + n);
            return minutes != null ? Duration.ofMinutes(n) : Duration.ofSeconds(n);
        }
    }

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: ${DEFAULT-VALUE})")
    int threads = 4;

    @Option(names = "--seed", paramLabel = "N", description = "seed of every random choice (default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--trace", paramLabel = "FILE", description = "also record the run into FILE (NDJSON) and have TLC validate it against CancelAll.tla")
    Path trace;

    // TLC checks about 1,000 such events per CPU second (docs/trace.md's Cost): a minute or so.
    @Option(names = "--trace-events", paramLabel = "N", description = "with --trace: end the soak at the first quiet point after N events (default: ${DEFAULT-VALUE})")
    long traceEvents = 20_000;

    @Override
    public Integer call() {
        Duration duration = length.duration();
        if (threads < 1) throw new GateException("--threads must be at least 1, not " + threads);
        if (traceEvents < 1) throw new GateException("--trace-events must be at least 1, not " + traceEvents);
        SoakTrace recording = recording();
        try (SinkSelection.LoadedSink sink = selection.load()) {
            if (!sink.adapter().capabilities().contains(Capability.THREAD_SAFE)) {
                throw new GateException("adapter " + sink.className() + " does not declare THREAD_SAFE: "
                        + Capability.THREAD_SAFE.reason() + ", so it cannot be soaked");
            }
            SoakTotals totals = Soak.run(Soak.Options.defaults().adapter(sink.adapter()).duration(duration)
                    .threads(threads).seed(seed).progress(out()).trace(recording));
            int traced = trace == null ? Sinkcheck.OK : TraceCommand.validate(trace, TraceValidator.defaults(Path.of(".")).segmentEvents(), out());
            if (totals.violations() == 0) return traced;
            out().println("reproduce (same seed; the interleaving itself differs): ./sinkcheck soak "
                    + (length.minutes != null ? "--minutes " + length.minutes : "--seconds " + length.seconds)
                    + " --threads " + threads + " --seed " + seed + " " + sink.commandLineOptions());
            return Sinkcheck.VIOLATION;
        }
    }

    /**
     * The recording {@code --trace} asks for, or null: its file is opened for writing now, so that a path
     * the trace cannot be written to is a usage error before the soak runs, not an error once it is over.
     */
    private SoakTrace recording() {
        if (trace == null) return null;
        if (Files.isDirectory(trace)) throw new GateException("--trace " + trace + " is a folder: it names the file the trace is written to");
        boolean existed = Files.exists(trace);
        try {
            Path folder = trace.toAbsolutePath().getParent();
            if (folder != null) Files.createDirectories(folder);
            Files.newOutputStream(trace, StandardOpenOption.CREATE, StandardOpenOption.WRITE).close();
            if (!existed) Files.delete(trace);
        } catch (IOException e) {
            throw new GateException("--trace " + trace + " cannot be written: " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
        return SoakTrace.to(trace, traceEvents);
    }
}
