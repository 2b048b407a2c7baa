package org.sinkcheck.gate;

import java.nio.file.Path;
import org.sinkcheck.bench.BenchRunner;
import org.sinkcheck.bench.Profile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sinkcheck bench}: the JMH comparison of the reference sink (or {@code --sink}) against the peers
 * and the limit ({@link BenchRunner}). A measurement, not a gate: exit 0 when it ran, whether or not each
 * target was met (the table says which); JMH forks its JVMs from the gate's class path, so the subject
 * must be on it (the reference sink, a mutant, a wild adapter).
 */
@Command(name = "bench", usageHelpWidth = 110,
        description = "Run the JMH comparison (3 forks per figure; docs/performance.md gives the measured duration; --full: 5 forks) and write JSON, a Markdown table with verdicts and a plot.")
final class BenchCommand extends GateCommand {
    @Option(names = "--full", description = "the full profile instead of the quick one")
    boolean full;

    @Option(names = "--smoke", hidden = true, description = "a seconds-long run that only shows the pipeline works")
    boolean smoke;

    @Option(names = "--out", paramLabel = "DIR", description = "results folder (default: bench/results/<UTC time>)")
    Path out;

    @Option(names = "--sink", paramLabel = "CLASS", description = "adapter class of the subject (default: the reference sink); must be on the gate's class path")
    String subject;

    @Override
    public Integer call() throws Exception {
        if (full && smoke) throw new GateException("--full and --smoke exclude each other");
        Profile profile = full ? Profile.FULL : smoke ? Profile.SMOKE : Profile.QUICK;
        try {
            BenchRunner.run(profile, out, subject, out());
        } catch (IllegalArgumentException e) {
            throw new GateException(e.getMessage(), e);
        }
        return Sinkcheck.OK;
    }
}
