package org.sinkcheck.gate;

/**
 * One of the gate's tools — TLC, jcstress, Lincheck — crashed: its JVM did not start, it ended without a
 * result, or it failed inside itself. That decides nothing about the sink, so it is never a rule failure:
 * {@link Sinkcheck} prints the message, one line naming the tool and where its log is, and exits 3.
 */
final class ToolCrash extends RuntimeException {
    ToolCrash(String oneLine) {
        super(oneLine);
    }
}
