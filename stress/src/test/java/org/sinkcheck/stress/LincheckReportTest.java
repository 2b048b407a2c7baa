package org.sinkcheck.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sinkcheck.rules.Rule;

/**
 * How a Lincheck run reads: Lincheck failing inside itself, or a JVM that did not start, is CRASHED with
 * what failed, never a rule failure; a failed validation names its rule. The first lines are those
 * {@code LincheckMain} printed here on a sink that calls back on its own executor (before the runner learnt
 * to probe for such threads first).
 */
class LincheckReportTest {

    @Test
    void lincheckFailingInsideItselfIsACrashNamingWhatFailed_neverARuleFailure() {
        LincheckReport report = LincheckReport.of(3, false, List.of(
                "LINCHECK CRASHED: java.lang.IllegalStateException: Check failed. at ManagedStrategy.runInvocation",
                "java.lang.IllegalStateException: Check failed.",
                "\tat org.jetbrains.kotlinx.lincheck.strategy.managed.ManagedStrategy.runInvocation(ManagedStrategy.kt:298)"));
        assertEquals(LincheckReport.Verdict.CRASHED, report.verdict());
        assertEquals(Optional.empty(), report.rule());
        assertEquals("Lincheck crashed: java.lang.IllegalStateException: Check failed. at ManagedStrategy.runInvocation", report.headline());
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
