package org.sinkcheck.stress.lincheck;

import org.sinkcheck.reference.adapter.SinkUnderTest;

/**
 * Runs {@link LincheckCheck} in a JVM of its own, for the sink the {@code sinkcheck.adapter} property
 * names: {@code LincheckMain <iterations> <invocationsPerIteration>}. Prints Lincheck's report (the
 * failing scenario and its interleaving) and exits 0 when the sink passed, 1 when Lincheck found a
 * failure, {@value #CANNOT_RUN_EXIT} when it does not run this sink (the line after {@value #NOT_RUN} says why),
 * and {@value #CRASHED_EXIT} when anything else ended the run — Lincheck failing inside itself
 * (2.39's model checking does, with {@code Check failed.}, on a sink that runs code on threads it does not
 * control), or the harness — which says nothing about the sink. {@code StressRunner} starts it; Lincheck
 * instruments every class it loads, so a JVM of its own keeps that away from the caller.
 */
public final class LincheckMain {
    /** The line that starts Lincheck's report in the output, for readers of the log. */
    public static final String FAILED = "LINCHECK FAILED";
    public static final String PASSED = "LINCHECK PASSED";
    /** The line that starts what crashed the run, in one line, followed by its stack trace. */
    public static final String CRASHED = "LINCHECK CRASHED";
    public static final int CRASHED_EXIT = 3;
    /** The line that starts why Lincheck does not run this sink, decided before it ran. */
    public static final String NOT_RUN = "LINCHECK NOT RUN";
    public static final int CANNOT_RUN_EXIT = 4;

    private LincheckMain() {}

    public static void main(String[] args) {
        int iterations = Integer.parseInt(args[0]);
        int invocations = Integer.parseInt(args[1]);
        if (SinkUnderTest.adapter().observesAcceptance()) {
            System.out.println(NOT_RUN + ": the adapter observes acceptance (SinkAdapter.observesAcceptance), and Lincheck"
                    + " checks the answers the signals return against the model's");
            System.exit(CANNOT_RUN_EXIT);
        }
        try {
            LincheckCheck.run(iterations, invocations);
        } catch (AssertionError failure) {
            System.out.println(FAILED);
            System.out.println(failure.getMessage());
            System.exit(1);
        } catch (Throwable crash) {
            StackTraceElement[] trace = crash.getStackTrace();
            String where = trace.length == 0 ? "" : " at " + trace[0].getClassName().substring(trace[0].getClassName().lastIndexOf('.') + 1)
                    + "." + trace[0].getMethodName();
            System.out.println(CRASHED + ": " + crash.toString().replaceAll("\\s+", " ") + where);
            crash.printStackTrace(System.out);
            System.exit(CRASHED_EXIT);
        }
        System.out.println(PASSED + ": " + iterations + " scenarios x " + invocations + " interleavings, all linearizable to the model");
        System.exit(0);
    }
}
