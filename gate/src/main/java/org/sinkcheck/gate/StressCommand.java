package org.sinkcheck.gate;

import java.util.ArrayList;
import java.util.List;
import org.sinkcheck.stress.StressMode;
import org.sinkcheck.stress.StressRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sinkcheck stress}: the stress tier on a sink ({@link StressRunner}): every applicable jcstress race
 * and Lincheck's model checking, in child JVMs under {@code gate/target/work/stress}. Exit 1 on any FORBIDDEN
 * outcome, race error, hang or Lincheck failure, each named with its rule; 3 when jcstress or Lincheck
 * crashed, in one line naming it and its log ({@link ToolCrash}); the last lines say where the HTML report is.
 * With {@code --trace N}, TLC then validates the first N samples of each race ({@link RaceTraceStep}): a
 * rejected race exits 1 naming its rule and the command that re-validates its trace.
 */
@Command(name = "stress", usageHelpWidth = 110,
        description = "Run jcstress and Lincheck on a sink (sanity: the CI tier; quick: ~minutes; tough: hours).")
final class StressCommand extends SinkCommand {
    @Option(names = "--mode", paramLabel = "sanity|quick|tough", description = "how hard (default: ${DEFAULT-VALUE})")
    String mode = "quick";

    @Option(names = "--child-jvm-option", paramLabel = "OPTION",
            description = "an option for every JVM the tier starts (jcstress, its forks, Lincheck), e.g. --child-jvm-option=-Xmx2g; repeatable")
    List<String> childJvmOptions = new ArrayList<>();

    @Option(names = "--trace", paramLabel = "N",
            description = "record the first N samples of each race in each jcstress fork, and the first N invocations of each Lincheck scenario class, and have TLC validate them (default: ${DEFAULT-VALUE}, off)")
    int trace;

    @Option(names = "--races", paramLabel = "REGEX", description = "only the races whose name contains a match of REGEX")
    String races;

    @Override
    public Integer call() throws Exception {
        if (trace < 0) throw new GateException("--trace must be 0 or more, not " + trace);
        if (races != null) {
            try {
                java.util.regex.Pattern.compile(races);
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new GateException("--races is not a regular expression: " + e.getDescription(), e);
            }
        }
        StressMode stressMode;
        try {
            stressMode = StressMode.of(mode);
        } catch (IllegalArgumentException e) {
            throw new GateException("--mode must be sanity, quick or tough, not '" + mode + "'", e);
        }
        try (SinkSelection.LoadedSink sink = selection.load()) {
            StressRunner.Options options = StressStep.options(stressMode, sink, verbose()).withJvmOptions(childJvmOptions).withTrace(trace);
            if (races != null) options = options.withOnly(races);
            StressRunner.Result result = StressStep.ran(StressRunner.run(options, out()));
            result.htmlReport().ifPresent(html -> out().println("jcstress report: " + html));
            if (trace == 0) return result.exitCode();
            return RaceTraceStep.exitCode(result.exitCode(), RaceTraceStep.validate(options, out()));
        }
    }
}
