package org.sinkcheck.gate;

import picocli.CommandLine.Mixin;

/** A subcommand that runs one sink, chosen by {@link SinkSelection} ({@code --sink}, {@code --classpath}). */
abstract class SinkCommand extends GateCommand {
    @Mixin
    SinkSelection selection;
}
