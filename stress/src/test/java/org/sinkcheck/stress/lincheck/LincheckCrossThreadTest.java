package org.sinkcheck.stress.lincheck;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sinkcheck.mutants.CasSink;
import org.sinkcheck.mutants.SC13_FreedOnlyOnTheThreadThatBegan;
import org.sinkcheck.mutants.kills.KillRecords;
import org.sinkcheck.mutants.kills.Tier;
import org.sinkcheck.rules.Rule;

/**
 * Issue 14's cross-thread shape in the concurrent tier: calls begun on one thread and signalled from
 * another under Lincheck's model checking ({@link CrossThreadScenarios}; the reference sink plays them in
 * {@code LincheckReferenceTest}, after the generated scenarios). The lock-free control passes;
 * {@link SC13_FreedOnlyOnTheThreadThatBegan}, whose bug only a final sent from another thread than the
 * begin shows, is caught by SC-13, the rule it breaks. It is this check's broken variant, and it passed
 * the WIP's version for two reasons, both fixed: a written-out scenario without its validation function
 * is never graded, and the grading's capability lookups missed under Lincheck (a hashed set built in
 * instrumented code, asked in ignored code: {@code Race}'s capabilities are an {@code EnumSet} now).
 * One Lincheck check costs seconds of instrumentation whatever its budget, so only these two run here.
 */
class LincheckCrossThreadTest {
    /** Interleavings per scenario: the mutant is caught in the first one of the first scenario. */
    private static final int INVOCATIONS = 20;
    private static final String HOW = "cross-thread scenarios (begun on one thread, signalled from another), "
            + INVOCATIONS + " interleavings each";

    public static final class OnCasSink extends SinkOperations {
        public OnCasSink() { super(new CasSink.Adapter()); }
    }

    public static final class OnFreedOnlyByItsBeginner extends SinkOperations {
        public OnFreedOnlyByItsBeginner() { super(new SC13_FreedOnlyOnTheThreadThatBegan.Adapter()); }
    }

    @Test
    @Timeout(900)
    void SC01_SC04_SC05_SC13_theLockFreeControlPassesWhenSignalledFromAnotherThread() {
        LincheckCheck.crossThread(OnCasSink.class, INVOCATIONS);
        KillRecords.inBuild().ran(Tier.LINCHECK, LincheckCrossThreadTest.class, CasSink.class.getSimpleName(), List.of(), HOW);
    }

    @Test
    @Timeout(900)
    void SC13_aSinkThatFreesACallOnlyOnTheThreadThatBeganItIsCaughtInTheCrossThreadShape() {
        AssertionError caught = assertThrows(AssertionError.class,
                () -> LincheckCheck.crossThread(OnFreedOnlyByItsBeginner.class, INVOCATIONS));
        Optional<Rule> rule = ruleOf(caught.getMessage());
        KillRecords.inBuild().ran(Tier.LINCHECK, LincheckCrossThreadTest.class, SC13_FreedOnlyOnTheThreadThatBegan.class.getSimpleName(),
                rule.stream().toList(), HOW);
        assertTrue(rule.equals(Optional.of(Rule.SC13)), caught.getMessage());
        assertTrue(caught.getMessage().contains("The following interleaving leads to the error"), caught.getMessage());
    }

    /** The rule of the end state's first broken rule, {@code SC-nn:…}, in Lincheck's report. */
    private static Optional<Rule> ruleOf(String report) {
        Matcher m = Pattern.compile("(SC-\\d\\d):\\S+").matcher(report);
        return m.find() ? Optional.of(Rule.ofId(m.group(1))) : Optional.empty();
    }
}
