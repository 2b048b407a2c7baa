package org.sinkcheck.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sinkcheck.mutants.SC09_CallbacksOfOneCallOverlap;

/**
 * {@code ./sinkcheck trace} end to end, on small runs (1,000 events, at most 20 s each, up to four seeds
 * until one is rejected): a racy mutant's recorded trace is rejected with exit 1, naming its rule and
 * printing the unexplained prefix with the event TLC could not explain marked, and the re-validate
 * command it prints, run as printed, gives the same verdict from the file. (The
 * reference sink's acceptance and the other mutants' rejections are the trace module's
 * {@code TraceValidationTest}; the 100,000-event run is by command, docs/trace.md.)
 */
class TraceCommandTest {
    private static final String MUTANT = SC09_CallbacksOfOneCallOverlap.class.getName() + "$Adapter";
    private static final Pattern REVALIDATE = Pattern.compile("^re-validate: \\./sinkcheck trace --validate (\\S+)$", Pattern.MULTILINE);
    /** A race may not show in one short run: up to this many seeds. */
    private static final int RUNS = 4;

    @Test
    @Timeout(240)
    void SC09_aRacyMutantsTraceExits1NamingTheRuleWithTheUnexplainedPrefix_andItsReValidateLineGivesTheSameVerdict() {
        StringBuilder accepted = new StringBuilder();
        for (int seed = 1; seed <= RUNS; seed++) {
            Cli cli = Cli.run("trace", "--sink", MUTANT, "--events", "1000", "--seconds", "20", "--seed", String.valueOf(seed));
            if (cli.exitCode() == Sinkcheck.OK) {
                accepted.append(cli);
                continue;
            }
            assertEquals(Sinkcheck.VIOLATION, cli.exitCode(), cli::toString);
            String out = cli.out();
            // SC-09, or SC-04 saying it fits SC-09 too (the overlap the log could not show: DiagnosisTest)
            assertTrue(out.contains("trace REJECTED by TLC (CancelAll.tla): SC-09 violated") || out.contains("trace REJECTED by TLC (CancelAll.tla): SC-04 violated")
                    && out.contains("so a sink that runs one call's callbacks at once (SC-09) leaves this log too"), cli::toString);
            assertTrue(out.contains("the shortest unexplained prefix: segment "), cli::toString);
            assertTrue(Pattern.compile("^  > \\d+: \\{\"seq\":", Pattern.MULTILINE).matcher(out).find(),
                    () -> "the unexplained event is not marked:\n" + cli);
            Matcher m = REVALIDATE.matcher(out);
            assertTrue(m.find(), cli::toString);
            Cli again = Cli.run("trace", "--validate", m.group(1));
            assertEquals(Sinkcheck.VIOLATION, again.exitCode(), again::toString);
            assertEquals(rejection(out), rejection(again.out()), again::toString);
            return;
        }
        throw new AssertionError(MUTANT + ": no rejected trace in " + RUNS + " runs:\n" + accepted);
    }

    /** The verdict's lines: the rule, the finding and the prefix (not the timings). */
    private static String rejection(String out) {
        int from = out.indexOf("trace REJECTED");
        int to = out.indexOf("  checked: ", from);
        return out.substring(from, to);
    }
}
