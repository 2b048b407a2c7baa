package org.sinkcheck.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A walk's "replay just this walk" line reproduces it: run on a sink whose bug only the extended budget's
 * walks can reach (a seventh sink), the printed command carries that budget, and running it finds the same
 * shrunk counterexample, from the same seed. (Replayed at the CI bounds, as the line once said, the walk
 * has no seventh sink at all.)
 */
@Timeout(300)
class ReproduceWalkTest {
    private static final String SINK = "org.sinkcheck.gate.fixtures.SeventhSinkCancelsNothingAdapter";
    private static final Pattern REPLAY = Pattern.compile("replay just this walk: \\./sinkcheck (.*)");
    private static final Pattern COUNTEREXAMPLE = Pattern.compile("(?m)SC-\\d\\d \\(\\w+\\) broken after .*(?:\\R\\s+\\d+\\. .*)+");

    @Test
    void aWalkOfTheExtendedBudgetIsReplayedByItsPrintedLineToTheSameCounterexamples() {
        Cli found = Cli.run("check", "--sink", SINK, "--budget", "extended", "--walks", "1", "--no-stress");
        assertEquals(Sinkcheck.VIOLATION, found.exitCode(), found::toString);
        Matcher line = REPLAY.matcher(found.out());
        assertTrue(line.find(), found::toString);
        assertTrue(line.group(1).contains(" --budget extended "), line.group());

        Cli replayed = Cli.run(arguments(line.group(1)));
        assertEquals(Sinkcheck.VIOLATION, replayed.exitCode(), replayed::toString);
        List<String> counterexamples = counterexamples(found);
        assertTrue(counterexamples.stream().anyMatch(cx -> cx.matches("(?s).*\\bs[789]\\b.*")), found::toString);
        assertEquals(counterexamples, counterexamples(replayed), replayed::toString);
    }

    /** The shrunk counterexamples as printed: each headline (origin and seed included) and its numbered actions. */
    private static List<String> counterexamples(Cli cli) {
        List<String> out = new ArrayList<>();
        for (Matcher m = COUNTEREXAMPLE.matcher(cli.out()); m.find(); ) out.add(m.group());
        assertTrue(!out.isEmpty(), cli::toString);
        return out;
    }

    /** A printed command's arguments: words, or single-quoted strings. */
    private static String[] arguments(String command) {
        List<String> args = new ArrayList<>();
        Matcher word = Pattern.compile("'([^']*)'|(\\S+)").matcher(command);
        while (word.find()) args.add(word.group(1) != null ? word.group(1) : word.group(2));
        return args.toArray(String[]::new);
    }
}
