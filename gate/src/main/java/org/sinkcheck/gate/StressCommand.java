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
 */
@Command(name = "stress", usageHelpWidth = 110,
        description = "Run jcstress and Lincheck on a sink (sanity: the CI tier; quick: ~minutes; tough: hours).")
final class StressCommand extends SinkCommand {
    @Option(names = "--mode", paramLabel = "sanity|quick|tough", description = "how hard (default: ${DEFAULT-VALUE})")
    String mode = "quick";

    @Option(names = "--child-jvm-option", paramLabel = "OPTION",
            description = "an option for every JVM the tier starts (jcstress, its forks, Lincheck), e.g. --child-jvm-option=-Xmx2g; repeatable")
    List<String> childJvmOptions = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        StressMode stressMode;
        try {
            stressMode = StressMode.of(mode);
        } catch (IllegalArgumentException e) {
            throw new GateException("--mode must be sanity, quick or tough, not '" + mode + "'", e);
        }
        try (SinkSelection.LoadedSink sink = selection.load()) {
            StressRunner.Result result = StressStep.ran(StressRunner.run(
                    StressStep.options(stressMode, sink, verbose()).withJvmOptions(childJvmOptions), out()));
            result.htmlReport().ifPresent(html -> out().println("jcstress report: " + html));
            return result.exitCode();
        }
    }
}
