package org.sinkcheck.gate;

import java.io.PrintStream;
import java.util.List;
import org.sinkcheck.stress.StressRunner;
import org.sinkcheck.trace.SampledTraces;
import org.sinkcheck.trace.TraceValidator;

/**
 * {@code ./sinkcheck stress --trace N}: after the stress run, TLC validates the samples each race recorded
 * ({@link StressRunner.Options#withTrace}) against CancelAll.tla, one merged trace per race
 * ({@link SampledTraces}). Here, not in the stress module, because TLC is the trace module's and stress
 * must not depend on it; the gate depends on both.
 */
final class RaceTraceStep {
    private RaceTraceStep() {}

    /** Validates what {@code run} recorded and prints one line per race (a rejection with TLC's report). */
    static List<SampledTraces.Verdict> validate(StressRunner.Options run, PrintStream out) {
        List<SampledTraces.Verdict> verdicts = SampledTraces.validate(StressRunner.raceTraceFolder(run.workDir()),
                TraceValidator.defaults(run.workDir().resolve("tlc")));
        out.println("trace validation of the races' samples (the first " + run.traceSamples() + " per race and jcstress fork, and per Lincheck scenario class) by TLC against CancelAll.tla:");
        if (verdicts.isEmpty()) out.println("  no race recorded a sample (none ran under jcstress)");
        SampledTraces.print(verdicts, out);
        return verdicts;
    }

    /**
     * The stress run's exit code, made 1 by a rejected race and 3 by one TLC could not check ({@link ToolCrash});
     * a run that could not start (2) or crashed (3) keeps its own.
     */
    static int exitCode(int stress, List<SampledTraces.Verdict> verdicts) {
        if (stress >= Sinkcheck.USAGE) return stress;
        verdicts.stream().filter(v -> v.report().error().isPresent()).findFirst().ifPresent(v -> {
            throw new ToolCrash("TLC could not check the samples of " + v.race() + ": " + v.report().error().get());
        });
        return verdicts.stream().anyMatch(v -> v.report().rejection().isPresent()) ? Sinkcheck.VIOLATION : stress;
    }
}
