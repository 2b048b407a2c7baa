package org.sinkcheck.stress.lincheck;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sinkcheck.stress.races.SC06_BeginVsBeginVsCancel;

/**
 * Runs {@link LincheckCheck} in a JVM of its own, for the sink the {@code sinkcheck.adapter} property
 * names: {@code LincheckMain <iterations> <invocationsPerIteration>} for the generated scenarios, or
 * {@code LincheckMain SC06_BeginVsBeginVsCancel <invocations>} for that race's model-checked form. Prints Lincheck's report (the
 * failing scenario and its interleaving) and exits 0 when the sink passed, 1 when Lincheck found a
 * failure, and {@value #CANNOT_RUN_EXIT} when Lincheck failed inside itself, which says nothing about the
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
        boolean race = args[0].equals(SC06_BeginVsBeginVsCancel.class.getSimpleName());
        int invocations = Integer.parseInt(args[1]);
        String budget = race ? args[0] + ": " + invocations + " interleavings of its one scenario"
                : args[0] + " scenarios x " + invocations + " interleavings";
        try {
            if (race) LincheckCheck.beginVsBeginVsCancel(invocations);
            else LincheckCheck.run(Integer.parseInt(args[0]), invocations);
        } catch (AssertionError failure) {
            System.out.println(FAILED);
            System.out.println(failure.getMessage());
            System.exit(1);
        } catch (IllegalStateException | UnsupportedOperationException internal) {
            StackTraceElement where = thrownByLincheck(internal).orElseThrow(() -> internal);
            // 2.39's model checking fails this way ("Check failed." in ManagedStrategy.runInvocation) on a
            // sink that runs code on threads of its own, which it does not control, and on a sink with a
            // record class, whose fields it cannot read through Unsafe (directly, or as "Non-determinism found.").
            Matcher record = RECORD_FIELD.matcher(String.valueOf(internal.getMessage()));
            String why = record.find() ? "it cannot read the field " + record.group(1).trim() + " of a record class"
                    : internal.toString().lines().findFirst().orElse("") + " at "
                    + where.getClassName().substring(where.getClassName().lastIndexOf('.') + 1) + "." + where.getMethodName();
            System.out.println(NOT_RUN + ": Lincheck failed inside itself (" + why + ")");
            internal.printStackTrace(System.out);
            System.exit(CANNOT_RUN_EXIT);
        }
        System.out.println(PASSED + ": " + budget + ", all linearizable to the model");
        System.exit(0);
    }

    /** What Lincheck's report says of a record class's field it cannot read: the field. */
    private static final Pattern RECORD_FIELD = Pattern.compile("on a record class: ([^\\n]+)");

    /**
     * Where Lincheck's own code threw {@code e}, if it did, not the sink's nor the harness's: the first
     * frame outside the JDK is Lincheck's.
     */
    private static Optional<StackTraceElement> thrownByLincheck(Throwable e) {
        return Arrays.stream(e.getStackTrace())
                .filter(frame -> !frame.getClassName().startsWith("java.") && !frame.getClassName().startsWith("jdk.")
                        && !frame.getClassName().startsWith("sun."))
                .findFirst().filter(frame -> frame.getClassName().startsWith("org.jetbrains.kotlinx.lincheck."));
    }
}
