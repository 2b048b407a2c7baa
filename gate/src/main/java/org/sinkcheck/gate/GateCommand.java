package org.sinkcheck.gate;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * What every subcommand of {@link Sinkcheck} has: the top command (its output stream, and the
 * {@code --verbose} given before the subcommand) and the {@link CommonOptions} given after it. picocli
 * reads the annotated fields of a command's superclasses as its own.
 */
abstract class GateCommand implements Callable<Integer> {
    @ParentCommand
    Sinkcheck top;

    @Mixin
    CommonOptions common;

    /** Where the command prints its report. */
    PrintStream out() { return top.out; }

    /** Where the command tells where a long run is, and its errors. */
    PrintStream err() { return top.err; }

    /** Whether {@code --verbose} was given before or after the subcommand. */
    boolean verbose() { return top.verbose(common); }
}
