package org.sinkcheck.gate;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Function;

/**
 * One line per step of a long run, so a person (or a CI log) sees what is running and how long each part
 * took: {@code [2/3] conformance suite (exhaustive + 200 random walks) ... PASS, 16 rules (4.1 s)}.
 * The title is printed before the step starts, the outcome and time when it ends.
 */
final class Progress {
    private final PrintStream out;
    private final int steps;
    private int current;

    Progress(PrintStream out, int steps) {
        this.out = out;
        this.steps = steps;
    }

    /** A step that may throw; its failure is left to the caller, after the line is closed. */
    interface Step<T> {
        T run() throws Exception;
    }

    <T> T step(String title, Step<T> body, Function<? super T, String> outcome) throws Exception {
        current++;
        out.print("[" + current + "/" + steps + "] " + title + " ... ");
        out.flush();
        long start = System.nanoTime();
        T result;
        try {
            result = body.run();
        } catch (Exception | Error e) {
            out.println("aborted (" + seconds(start) + ")");
            throw e;
        }
        out.println(outcome.apply(result) + " (" + seconds(start) + ")");
        return result;
    }

    private static String seconds(long startNanos) {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }
}
