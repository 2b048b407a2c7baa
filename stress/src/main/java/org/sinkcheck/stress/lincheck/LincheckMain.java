package org.sinkcheck.stress.lincheck;

import org.sinkcheck.reference.adapter.SinkUnderTest;

/**
 * Runs {@link LincheckCheck} in a JVM of its own, for the sink the {@code sinkcheck.adapter} property
 * names: {@code LincheckMain <iterations> <invocationsPerIteration>}. Prints Lincheck's report (the
 * failing scenario and its interleaving) and exits 0 when the sink passed, 1 when Lincheck found a
 * failure, and {@value #CANNOT_RUN_EXIT} when Lincheck failed inside itself or cannot judge the sink (its adapter
 * observes acceptance, so there are no answers to compare with the model's), which says nothing about the
 * sink. {@code StressRunner} starts it; Lincheck instruments every class it loads, so a JVM of its own
 * keeps that away from the caller.
 */
public final class LincheckMain {
    /** The line that starts Lincheck's report in the output, for readers of the log. */
    public static final String FAILED = "LINCHECK FAILED";
    public static final String PASSED = "LINCHECK PASSED";
    /** The line that starts the reason Lincheck could not run the sink. */
    public static final String NOT_RUN = "LINCHECK NOT RUN";
    public static final int CANNOT_RUN_EXIT = 3;

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
        } catch (IllegalStateException internal) {
            if (!thrownByLincheck(internal)) throw internal;
            // 2.39's model checking fails this way ("Check failed." in ManagedStrategy.runInvocation) on a
            // sink that runs code on threads of its own, which it does not control.
            StackTraceElement where = internal.getStackTrace()[0];
            System.out.println(NOT_RUN + ": Lincheck failed inside itself (" + internal + " at "
                    + where.getClassName().substring(where.getClassName().lastIndexOf('.') + 1) + "." + where.getMethodName() + ")");
            internal.printStackTrace(System.out);
            System.exit(CANNOT_RUN_EXIT);
        }
        System.out.println(PASSED + ": " + iterations + " scenarios x " + invocations + " interleavings, all linearizable to the model");
        System.exit(0);
    }

    /** Whether Lincheck's own code threw {@code e}, not the sink's nor the harness's. */
    private static boolean thrownByLincheck(Throwable e) {
        StackTraceElement[] trace = e.getStackTrace();
        return trace.length > 0 && trace[0].getClassName().startsWith("org.jetbrains.kotlinx.lincheck.");
    }
}
