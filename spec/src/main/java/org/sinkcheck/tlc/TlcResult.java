package org.sinkcheck.tlc;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sinkcheck.rules.Rule;

/**
 * The outcome of one {@link TlcRun}: whether TLC found no error, the size of what it explored, and on
 * a violation the operator that failed, its {@link Rule}, and the counterexample as numbered actions.
 *
 * @param label          the run's {@link TlcRun#label()}
 * @param exitCode       TLC's exit code (0 no error, 12 invariant, 13 property, 150 parse error, …), -1 if killed
 * @param found          distinct states, states generated and depth; -1 where TLC did not say
 * @param expected       the counts the configuration states ({@code \* expect:}), if any
 * @param kind           what kind of failure, or {@link Kind#PASSED}
 * @param violatedName   the invariant or property that failed, if known
 * @param violatedRule   the rule it belongs to (for a deadlock: the one the configuration names), if any
 * @param readableSteps  the counterexample, numbered lines; empty if there is none
 * @param elapsed        wall-clock time of the child JVM
 * @param log            everything TLC printed
 */
public record TlcResult(String label, int exitCode, TlcConfig.Counts found, Optional<TlcConfig.Counts> expected, Kind kind,
                        Optional<String> violatedName, Optional<Rule> violatedRule, List<String> readableSteps,
                        Duration elapsed, String log) {

    /** What happened, in the words of the summary line. */
    public enum Kind {
        PASSED("No error has been found"),
        INVARIANT("invariant violated"),
        ACTION_PROPERTY("action property violated"),
        TEMPORAL_PROPERTY("temporal property violated"),
        DEADLOCK("deadlock reached"),
        COUNTS_CHANGED("state counts changed"),
        ERROR("TLC could not check the model"),
        TIMED_OUT("timed out");

        private final String words;

        Kind(String words) { this.words = words; }

        public String words() { return words; }
    }

    public TlcResult {
        readableSteps = List.copyOf(readableSteps);
    }

    public boolean passed() { return kind == Kind.PASSED; }

    public long distinctStates() { return found.distinct(); }

    public long generatedStates() { return found.generated(); }

    public int depth() { return found.depth(); }

    /** This result naming the properties that failed, which TLC did not; the rule is that of the first rule among them. */
    TlcResult naming(List<String> properties) {
        Optional<Rule> rule = properties.stream().map(Rule::ofTlaName).flatMap(Optional::stream).findFirst();
        return new TlcResult(label, exitCode, found, expected, kind, Optional.of(String.join(" and ", properties)), rule,
                readableSteps, elapsed, log);
    }

    /** The counterexample as numbered actions, one per line; empty when TLC passed or gave no trace. */
    public String readableCounterexample() {
        return String.join("\n", readableSteps);
    }

    /**
     * One line for the build log, e.g. {@code TLC CancelAll.cfg: No error has been found. 10935 distinct
     * states, depth 10, 4.1 s}.
     */
    public String summaryLine() {
        StringBuilder b = new StringBuilder("TLC ").append(label).append(": ");
        if (passed()) {
            b.append(kind.words());
        } else {
            b.append(violatedRule().map(r -> r.id() + " ").orElse("")).append(kind.words());
            violatedName.ifPresent(n -> b.append(" (").append(n).append(')'));
            long steps = readableSteps.stream().filter(l -> l.matches("\\d+\\. .*")).count();
            if (steps > 0) b.append(", counterexample of ").append(steps).append(" steps");
            if (kind == Kind.ERROR) b.append(" (exit code ").append(exitCode).append("): ").append(firstError());
            if (kind == Kind.COUNTS_CHANGED) {
                b.append(": expected ").append(expected.orElseThrow()).append(", found ").append(found)
                        .append(". A changed count is a changed spec or bound: find out what changed and why, then state"
                                + " the new counts in the configuration's '\\* expect:' line");
            }
        }
        b.append('.');
        if (found.distinct() >= 0) b.append(' ').append(found.distinct()).append(" distinct states");
        if (found.generated() >= 0) b.append(", ").append(found.generated()).append(" generated");
        if (found.depth() >= 0) b.append(", depth ").append(found.depth());
        return b.append(", ").append(String.format(Locale.ROOT, "%.1f s", elapsed.toMillis() / 1000.0)).toString();
    }

    /** TLC's first error message, for a run that could not check at all. */
    private String firstError() {
        return log.lines().filter(l -> l.startsWith("Error:") || l.contains("Exception") || l.contains("does not exist")
                        || l.contains("Could not") || l.contains("***"))
                .filter(l -> !l.contains("see the User Output")).findFirst().orElse("see the log").strip();
    }

    /** The summary line and, on a violation, the counterexample indented below it. */
    public String report() {
        if (readableSteps.isEmpty()) return summaryLine();
        return summaryLine() + "\n  " + String.join("\n  ", readableSteps);
    }
}
