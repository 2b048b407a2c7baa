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
 * model's operations), and Lincheck's own report: the scenario and the interleaving that breaks it.
 */
public record LincheckReport(Verdict verdict, Optional<Rule> rule, String headline, List<String> output) {

    public enum Verdict { PASSED, FAILED, NOT_RUN }

    private static final Pattern VIOLATION = Pattern.compile("(SC-\\d\\d):\\S+");

    static LincheckReport notRun(String why) {
        return new LincheckReport(Verdict.NOT_RUN, Optional.empty(), why, List.of());
    }

    /** Reads {@link LincheckMain}'s output and exit code. */
    static LincheckReport of(int exitCode, boolean timedOut, List<String> output) {
        if (timedOut) return new LincheckReport(Verdict.FAILED, Optional.of(Rule.SC11), "Lincheck timed out: an operation may never return (SC-11)", output);
        if (exitCode == 0 && output.stream().anyMatch(l -> l.startsWith(LincheckMain.PASSED))) {
            return new LincheckReport(Verdict.PASSED, Optional.empty(), output.get(output.size() - 1), output);
        }
        for (String line : output) {
            Matcher violation = VIOLATION.matcher(line);
            if (violation.find()) {
                return new LincheckReport(Verdict.FAILED, Optional.of(Rule.ofId(violation.group(1))), violation.group(), output);
            }
        }
        boolean invalid = output.stream().anyMatch(l -> l.contains("Invalid execution results"));
        String headline = invalid ? "not linearizable: the provider's answers fit no order of the model's operations"
                : "Lincheck could not run (exit " + exitCode + "); see lincheck.log";
        return new LincheckReport(Verdict.FAILED, Optional.empty(), headline, output);
    }

    /** Whether Lincheck printed the interleaving that breaks the sink. */
    public boolean hasInterleaving() {
        return output.stream().anyMatch(l -> l.contains("The following interleaving leads to the error"));
    }
}
