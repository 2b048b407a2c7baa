package org.sinkcheck.stress;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sinkcheck.rules.Rule;
import org.sinkcheck.stress.lincheck.LincheckMain;

/**
 * What one Lincheck run found: passed, or failed with the broken rule (when the end-state validation
 * failed, its {@code SC-nn:…} message) or "not linearizable" (the provider's answers fit no order of the
 * model's operations), and Lincheck's own report: the scenario and the interleaving that breaks it; or
 * NOT RUN with the reason, when Lincheck was not asked for, cannot apply, or cannot run this sink (the
 * sink has threads of its own): never a rule failure, since the races cover the same rules; or CRASHED,
 * when its JVM did not start or Lincheck failed inside itself: a tool error, never a rule failure.
 */
public record LincheckReport(Verdict verdict, Optional<Rule> rule, String headline, List<String> output) {

    /**
     * PASSED and FAILED judge the sink; NOT_RUN says why Lincheck did not run it (not asked for, not
     * thread-safe, threads of its own); CRASHED is a tool error: its JVM did not start, or Lincheck, or the
     * harness around it, failed inside itself. A crash judges nothing, and the gate exits 3 on it.
     */
    public enum Verdict { PASSED, FAILED, NOT_RUN, CRASHED }

    private static final Pattern VIOLATION = Pattern.compile("(SC-\\d\\d):\\S+");

    /** What a report says of a sink Lincheck cannot run, before the reason. */
    public static final String CANNOT_RUN = "Lincheck cannot run this sink";

    static LincheckReport notRun(String why) {
        return new LincheckReport(Verdict.NOT_RUN, Optional.empty(), why, List.of());
    }

    /** Reads {@link LincheckMain}'s output and exit code. */
    static LincheckReport of(int exitCode, boolean timedOut, List<String> output) {
        if (timedOut) return new LincheckReport(Verdict.FAILED, Optional.of(Rule.SC11), "Lincheck timed out: an operation may never return (SC-11)", output);
        if (exitCode == 0 && output.stream().anyMatch(l -> l.startsWith(LincheckMain.PASSED))) {
            return new LincheckReport(Verdict.PASSED, Optional.empty(), output.get(output.size() - 1), output);
        }
        if (exitCode == LincheckMain.CANNOT_RUN_EXIT) {
            String reason = output.stream().filter(l -> l.startsWith(LincheckMain.NOT_RUN)).findFirst()
                    .map(l -> l.substring(LincheckMain.NOT_RUN.length()).replaceFirst("^: ", "")).orElse("exit " + exitCode);
            return new LincheckReport(Verdict.NOT_RUN, Optional.empty(), CANNOT_RUN + ": " + reason + "; the races decide its rules", output);
        }
        boolean failed = output.contains(LincheckMain.FAILED);
        if (!failed) {
            String why = output.stream().filter(l -> l.startsWith(LincheckMain.CRASHED)).findFirst()
                    .map(l -> l.substring(LincheckMain.CRASHED.length()).replaceFirst("^: ", ""))
                    .orElseGet(() -> new ChildJvm.Outcome(exitCode, false, output).why());
            return new LincheckReport(Verdict.CRASHED, Optional.empty(), "Lincheck crashed: " + why, output);
        }
        for (String line : output) {
            Matcher violation = VIOLATION.matcher(line);
            if (violation.find()) {
                return new LincheckReport(Verdict.FAILED, Optional.of(Rule.ofId(violation.group(1))), violation.group(), output);
            }
        }
        boolean invalid = output.stream().anyMatch(l -> l.contains("Invalid execution results"));
        String headline = invalid ? "not linearizable: the provider's answers fit no order of the model's operations"
                : "Lincheck failed without naming a rule; see lincheck.log";
        return new LincheckReport(Verdict.FAILED, Optional.empty(), headline, output);
    }

    /** Whether Lincheck printed the interleaving that breaks the sink. */
    public boolean hasInterleaving() {
        return output.stream().anyMatch(l -> l.contains("The following interleaving leads to the error"));
    }
}
