package org.sinkcheck.stress.lincheck;

/**
 * Runs {@link LincheckCheck} in a JVM of its own, for the sink the {@code sinkcheck.adapter} property
 * names: {@code LincheckMain <iterations> <invocationsPerIteration>}. Prints Lincheck's report (the
 * failing scenario and its interleaving) and exits 0 when the sink passed, 1 when Lincheck found a
 * failure. {@code StressRunner} starts it; Lincheck instruments every class it loads, so a JVM of its own
 * keeps that away from the caller.
 */
public final class LincheckMain {
    /** The line that starts Lincheck's report in the output, for readers of the log. */
    public static final String FAILED = "LINCHECK FAILED";
    public static final String PASSED = "LINCHECK PASSED";

    private LincheckMain() {}

    public static void main(String[] args) {
        int iterations = Integer.parseInt(args[0]);
        int invocations = Integer.parseInt(args[1]);
        try {
            LincheckCheck.run(iterations, invocations);
        } catch (AssertionError failure) {
            System.out.println(FAILED);
            System.out.println(failure.getMessage());
            System.exit(1);
        }
        System.out.println(PASSED + ": " + iterations + " scenarios x " + invocations + " interleavings, all linearizable to the model");
        System.exit(0);
    }
}
