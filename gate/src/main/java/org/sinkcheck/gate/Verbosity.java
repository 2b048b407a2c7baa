package org.sinkcheck.gate;

import picocli.CommandLine.Option;

/** {@code --verbose}, accepted before or after the subcommand: the tools' own output and stack traces. */
public final class Verbosity {
    static final String OPTION = "--verbose";

    @Option(names = {"-v", OPTION}, description = "also print the tools' own output, and stack traces on errors")
    boolean verbose;
}
