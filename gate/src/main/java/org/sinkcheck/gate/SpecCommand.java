package org.sinkcheck.gate;

import java.util.ArrayList;
import java.util.List;
import org.sinkcheck.tlc.CheckSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sinkcheck spec}: TLC on sinkcheck's own TLA+ configurations ({@link CheckSpec}): every CI
 * configuration, with {@code --large} also the large ones, or those named. Exit 0 all passed, 1 one
 * failed (its counterexample is printed), 2 a configuration that does not exist.
 */
@Command(name = "spec", usageHelpWidth = 110,
        description = "Model-check the TLA+ specs with TLC (every CI configuration; --large adds the large ones).")
final class SpecCommand extends GateCommand {
    @Option(names = "--large", description = "also the *Large.cfg configurations (minutes, not seconds)")
    boolean large;

    @Parameters(paramLabel = "CONFIG", arity = "0..*",
            description = "configurations to check (e.g. CancelAll.cfg, or Module.tla:Config.cfg); default: all CI ones")
    List<String> configs = new ArrayList<>();

    @Override
    public Integer call() {
        List<String> args = new ArrayList<>(configs);
        if (large) args.add(0, "--large");
        return CheckSpec.run(args, out());
    }
}
