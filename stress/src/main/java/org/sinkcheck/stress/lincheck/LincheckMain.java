package org.sinkcheck.stress.lincheck;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sinkcheck.reference.adapter.SinkUnderTest;
import org.sinkcheck.stress.races.SC06_BeginVsBeginVsCancel;

/**
 * Runs {@link LincheckCheck} in a JVM of its own, for the sink the {@code sinkcheck.adapter} property
 * names: {@code LincheckMain <iterations> <invocationsPerIteration>} for the generated scenarios, or
 * {@code LincheckMain SC06_BeginVsBeginVsCancel <invocations>} for that race's model-checked form. Prints
 * Lincheck's report (the failing scenario and its interleaving) and exits 0 when the sink passed, 1 when
 * Lincheck found a failure, {@value #CANNOT_RUN_EXIT} when it does not run this sink (the line after
 * {@value #NOT_RUN} says why: decided before it ran, a sink with a {@code record}, whose fields 2.39
 * cannot read, or 2.39's known failure inside itself on a sink that runs code on threads it does not
 * control, {@code Check failed.}), and {@value #CRASHED_EXIT} when anything else ended the run — Lincheck
 * failing inside itself otherwise, or the harness — which says nothing about the sink. {@code StressRunner} starts it; Lincheck
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

    /**
     * Whether {@code e} is 2.39's known failure on a sink with threads it does not control: {@code Check
     * failed.} thrown by its managed strategy. That is Lincheck's limit, not a crash: NOT RUN, and the races
     * decide the rules ({@code SinkThreads} probes for such threads first, but a pool that comes and goes, or
     * that a sink's dispose ends, can hide from one short probe).
     */
    private static boolean failsOnThreadsOfItsOwn(Throwable e) {
        StackTraceElement[] trace = e.getStackTrace();
        return e instanceof IllegalStateException && "Check failed.".equals(e.getMessage()) && trace.length > 0
                && trace[0].getClassName().startsWith("org.jetbrains.kotlinx.lincheck.strategy.managed.");
    }

    public static void main(String[] args) {
        boolean race = args[0].equals(SC06_BeginVsBeginVsCancel.class.getSimpleName());
        int invocations = Integer.parseInt(args[1]);
        String budget = race ? args[0] + ": " + invocations + " interleavings of its one scenario"
                : args[0] + " scenarios x " + invocations + " interleavings";
        if (SinkUnderTest.adapter().observesAcceptance()) {
            System.out.println(NOT_RUN + ": the adapter observes acceptance (SinkAdapter.observesAcceptance), and Lincheck"
                    + " checks the answers the signals return against the model's");
            System.exit(CANNOT_RUN_EXIT);
        }
        try {
            if (race) LincheckCheck.beginVsBeginVsCancel(invocations);
            else LincheckCheck.run(Integer.parseInt(args[0]), invocations);
        } catch (AssertionError failure) {
            System.out.println(FAILED);
            System.out.println(failure.getMessage());
            System.exit(1);
        } catch (Throwable crash) {
            // 2.39 replays a failing interleaving to print its trace; when the replay differs it throws
            // "Non-determinism found." with the first execution's report inside, whose validation failure is
            // a broken rule the sink really showed: a failure of the sink, with the report it has.
            String message = String.valueOf(crash.getMessage());
            if (message.startsWith(NON_DETERMINISM) && RULE_IN_VALIDATION.matcher(message).find()) {
                System.out.println(FAILED);
                System.out.println(message);
                System.out.println("(Lincheck could not replay this interleaving for its detailed trace: " + NON_DETERMINISM + ")");
                System.exit(1);
            }
            // 2.39 reads fields through Unsafe, which refuses a record's: Lincheck fails on any sink with a
            // record, directly or as "Non-determinism found." with the cause inside its report.
            Matcher record = RECORD_FIELD.matcher(String.valueOf(crash.getMessage()));
            if (record.find()) {
                System.out.println(NOT_RUN + ": Lincheck 2.39 cannot read the field " + record.group(1).trim() + " of a record class");
                crash.printStackTrace(System.out);
                System.exit(CANNOT_RUN_EXIT);
            }
            StackTraceElement[] trace = crash.getStackTrace();
            String where = trace.length == 0 ? "" : " at " + trace[0].getClassName().substring(trace[0].getClassName().lastIndexOf('.') + 1)
                    + "." + trace[0].getMethodName();
            if (failsOnThreadsOfItsOwn(crash)) {
                System.out.println(NOT_RUN + ": Lincheck failed inside itself (" + crash + where + "), as its model checking"
                        + " does on a sink that runs code on threads of its own");
                crash.printStackTrace(System.out);
                System.exit(CANNOT_RUN_EXIT);
            }
            System.out.println(CRASHED + ": " + crash.toString().replaceAll("\\s+", " ") + where);
            crash.printStackTrace(System.out);
            System.exit(CRASHED_EXIT);
        }
        System.out.println(PASSED + ": " + budget + ", all linearizable to the model");
        System.exit(0);
    }

    private static final String NON_DETERMINISM = "Non-determinism found.";
    /** The end-state validation's failure, {@code SC-nn:…}, in a report of Lincheck's. */
    private static final Pattern RULE_IN_VALIDATION = Pattern.compile("Validation function \\w+ has failed[\\s\\S]*SC-\\d\\d:\\S+");

    /** What Lincheck says of a record class's field it cannot read: the field. */
    private static final Pattern RECORD_FIELD = Pattern.compile("on a record class: ([^\\n]+)");
}
