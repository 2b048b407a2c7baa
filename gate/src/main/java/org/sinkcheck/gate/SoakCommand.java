package org.sinkcheck.gate;

import java.time.Duration;
import org.sinkcheck.kit.Capability;
import org.sinkcheck.reliability.Soak;
import org.sinkcheck.reliability.SoakTotals;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sinkcheck soak}: many threads over many sinks for minutes, every event checked online against the
 * executable model ({@link Soak}). Exit 1 when any violation was seen.
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

    @Override
    public Integer call() {
        Duration duration = length.duration();
        if (threads < 1) throw new GateException("--threads must be at least 1, not " + threads);
        try (SinkSelection.LoadedSink sink = selection.load()) {
            if (!sink.adapter().capabilities().contains(Capability.THREAD_SAFE)) {
                throw new GateException("adapter " + sink.className() + " does not declare THREAD_SAFE: "
                        + Capability.THREAD_SAFE.reason() + ", so it cannot be soaked");
            }
            SoakTotals totals = Soak.run(Soak.Options.defaults().adapter(sink.adapter()).duration(duration)
                    .threads(threads).seed(seed).progress(out()));
            if (totals.violations() == 0) return Sinkcheck.OK;
            out().println("reproduce (same seed; the interleaving itself differs): ./sinkcheck soak "
                    + (length.minutes != null ? "--minutes " + length.minutes : "--seconds " + length.seconds)
                    + " --threads " + threads + " --seed " + seed + " " + sink.commandLineOptions());
            return Sinkcheck.VIOLATION;
        }
    }
}
