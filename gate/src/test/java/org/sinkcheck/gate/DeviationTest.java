package org.sinkcheck.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code --deviation}, end to end, on a library whose cancel is terminal by design: RxJava's
 * {@code CompositeDisposable.dispose()} (SC-08). Declared, SC-08 is still FAIL with the reason and the exit
 * code still 1; what changes is how far the walks go: without it every walk stops at its first begin on a
 * disposed composite. docs/measurements/deviations-2026-12-02.md has the numbers.
 */
@Timeout(600)
class DeviationTest {
    private static final String RXJAVA = "org.sinkcheck.wild.RxJavaCompositeDisposableAdapter";
    private static final Pattern WALKS = Pattern.compile("(\\d+) random walks \\((\\d+) actions");

    @Test
    void SC08_aDeclaredDeviationStaysAFailWithExitOne_andTheWalksPlayPastIt() {
        Cli stopped = Cli.run("check", "--no-stress", "--sink", RXJAVA);
        Cli past = Cli.run("check", "--no-stress", "--sink", RXJAVA, "--deviation", "SC-08=dispose() is terminal: a disposed composite disposes what is added");
        assertEquals(Sinkcheck.VIOLATION, stopped.exitCode(), stopped::toString);
        assertEquals(Sinkcheck.VIOLATION, past.exitCode(), past::toString);
        assertTrue(past.out().contains("deviation declared by the command line (--deviation): dispose() is terminal"), past::toString);
        assertTrue(past.out().lines().anyMatch(l -> l.startsWith("SC-08  MUST  FAIL")), past::toString);
        assertTrue(past.out().contains("--deviation 'SC-08=dispose() is terminal: a disposed composite disposes what is added'"),
                "the reproduce line carries the deviation: " + past);
        long without = walkActions(stopped);
        long with = walkActions(past);
        System.out.println("RxJava CompositeDisposable, CI walks: " + without + " actions without the deviation, " + with + " with it; failing rules "
                + failing(stopped) + " without, " + failing(past) + " with it");
        assertTrue(with > 5 * without, without + " actions without the deviation, " + with + " with it");
    }

    @Test
    void aDeviationOfNoRuleOrWithoutAReasonIsBadInputInOneLine() {
        Cli noRule = Cli.run("check", "--no-stress", "--walks", "0", "--deviation", "SC-99=why");
        assertEquals(Sinkcheck.USAGE, noRule.exitCode(), noRule::toString);
        assertTrue(noRule.err().contains("--deviation: cannot declare a deviation from 'SC-99': no such rule"), noRule::toString);
        Cli noReason = Cli.run("check", "--no-stress", "--walks", "0", "--deviation", "SC-08=");
        assertEquals(Sinkcheck.USAGE, noReason.exitCode(), noReason::toString);
        assertTrue(noReason.err().contains("--deviation: a deviation from SC-08 needs a reason"), noReason::toString);
    }

    private static java.util.List<String> failing(Cli run) {
        return run.out().lines().filter(l -> l.matches("SC-\\d\\d  MUST  FAIL.*")).map(l -> l.substring(0, 5)).toList();
    }

    private static long walkActions(Cli run) {
        Matcher m = WALKS.matcher(run.out() + run.err());
        assertTrue(m.find(), run::toString);
        return Long.parseLong(m.group(2));
    }
}
