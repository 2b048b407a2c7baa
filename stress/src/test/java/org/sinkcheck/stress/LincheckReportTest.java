package org.sinkcheck.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sinkcheck.rules.Rule;

/**
 * How a Lincheck run reads: its known failure inside itself on a sink with threads of its own is NOT RUN with
 * the reason; any other failure inside it, or a JVM that did not start, is CRASHED with what failed; neither
 * is a rule failure; a failed validation names its rule. The first lines are those {@code LincheckMain}
 * printed here on a sink that calls back on its own executor.
 */
class LincheckReportTest {

    @Test
    void lincheckFailingInsideItselfOnASinkWithThreadsOfItsOwnIsNotRunWithTheReason() {
        LincheckReport report = LincheckReport.of(4, false, List.of(
                "LINCHECK NOT RUN: Lincheck failed inside itself (java.lang.IllegalStateException: Check failed. at ManagedStrategy.runInvocation),"
                        + " as its model checking does on a sink that runs code on threads of its own",
                "java.lang.IllegalStateException: Check failed.",
                "\tat org.jetbrains.kotlinx.lincheck.strategy.managed.ManagedStrategy.runInvocation(ManagedStrategy.kt:298)"));
        assertEquals(LincheckReport.Verdict.NOT_RUN, report.verdict());
        assertEquals(Optional.empty(), report.rule());
        assertTrue(report.headline().startsWith("Lincheck cannot run this sink: Lincheck failed inside itself"), report.headline());
    }

    @Test
    void lincheckFailingInsideItselfOtherwiseIsACrashNamingWhatFailed_neverARuleFailure() {
        LincheckReport report = LincheckReport.of(3, false, List.of(
                "LINCHECK CRASHED: java.lang.NullPointerException at ManagedStrategy.runInvocation",
                "java.lang.NullPointerException",
                "\tat org.jetbrains.kotlinx.lincheck.strategy.managed.ManagedStrategy.runInvocation(ManagedStrategy.kt:298)"));
        assertEquals(LincheckReport.Verdict.CRASHED, report.verdict());
        assertEquals(Optional.empty(), report.rule());
        assertEquals("Lincheck crashed: java.lang.NullPointerException at ManagedStrategy.runInvocation", report.headline());
    }

    @Test
    void aJvmThatDidNotStartIsACrashNamingItsError() {
        LincheckReport report = LincheckReport.of(1, false, List.of(
                "Unrecognized VM option 'NoSuchOption'",
                "Error: Could not create the Java Virtual Machine.",
                "Error: A fatal exception has occurred. Program will exit."));
        assertEquals(LincheckReport.Verdict.CRASHED, report.verdict());
        assertEquals("Lincheck crashed: its JVM exited 1 without results: Unrecognized VM option 'NoSuchOption'", report.headline());
    }

    @Test
    void aFailedValidationNamesItsRule() {
        LincheckReport report = LincheckReport.of(1, false, List.of("LINCHECK FAILED", "java.lang.IllegalStateException: SC-06:A:references-0-calls-but-1-are-live"));
        assertEquals(LincheckReport.Verdict.FAILED, report.verdict());
        assertEquals(Optional.of(Rule.SC06), report.rule());
        assertTrue(report.headline().startsWith("SC-06:"), report.headline());
    }
}
