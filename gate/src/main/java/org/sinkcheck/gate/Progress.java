package org.sinkcheck.gate;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Function;
import org.sinkcheck.gate.report.GateReport;
import org.sinkcheck.gate.report.StepRecord;

/**
 * One line per step of a long run, so a person (or a CI log) sees what is running and how long each part
 * took: {@code [2/3] conformance suite on reference ... PASS: 16 rules (4.1 s)}. The title is printed
 * before the step starts, the outcome and time when it ends, and between them any {@link #detail} a long
 * step gives of where it is, on stderr, so that stdout stays the report; each step is also recorded in the
 * report.
 */
final class Progress {
    private final PrintStream out;
    private final PrintStream err;
    private final GateReport report;
    private final int steps;
    private int current;
    /** Whether the running step's title line waits for its outcome, nothing printed under it yet. */
    private boolean titleOpen;

    Progress(PrintStream out, PrintStream err, GateReport report, int steps) {
        this.out = out;
        this.err = err;
        this.report = report;
        this.steps = steps;
    }

    /** A step's work; it may throw, and then the line is closed before the exception goes on. */
    interface Work<T> {
        T run() throws Exception;
    }

    /** How a step's result reads: whether it passed and its one-line outcome. */
    record Outcome(boolean passed, String line) {}

    <T> T step(String name, String title, Work<T> work, Function<? super T, Outcome> judge) throws Exception {
        current++;
        out.print("[" + current + "/" + steps + "] " + title + " ... ");
        out.flush();
        titleOpen = true;
        long start = System.nanoTime();
        T result;
        try {
            result = work.run();
        } catch (Exception | Error e) {
            out.println(outcomePrefix() + "aborted (" + format(seconds(start)) + ")");
            throw e;
        }
        double seconds = seconds(start);
        Outcome outcome = judge.apply(result);
        out.println(outcomePrefix() + outcome.line() + " (" + format(seconds) + ")");
        report.add(new StepRecord(name, outcome.line(), outcome.passed(), seconds));
        return result;
    }

    /**
     * A line about where the running step is (a long replay, walk or shrink), on stderr under its title,
     * whose line on stdout is ended first so that a terminal shows the two in order.
     */
    void detail(String line) {
        if (titleOpen) out.println();
        titleOpen = false;
        err.println("      " + line);
    }

    /** The outcome follows the title on its line, or, after details, goes on a line of its own. */
    private String outcomePrefix() {
        boolean open = titleOpen;
        titleOpen = false;
        return open ? "" : "      ... ";
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String format(double seconds) {
        return String.format(Locale.ROOT, "%.1f s", seconds);
    }
}
