package org.sinkcheck.gate;

import picocli.CommandLine.Option;

/**
 * The options of every command: {@code --help}, and {@code --verbose} (the tools' own output and the stack
 * trace of an error), accepted before or after the subcommand.
 */
public final class CommonOptions {
    static final String VERBOSE = "--verbose";

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    @Option(names = {"-v", VERBOSE}, description = "also print the tools' own output, and stack traces on errors")
    boolean verbose;
}
