package org.sinkcheck.stress;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sinkcheck.rules.Rule;

/**
 * What one jcstress run found, read from its console output: each FORBIDDEN outcome that was observed
 * (test, outcome, samples, description, rule), the tests that failed to run, the totals, and where the
 * HTML report is. jcstress prints an outcome table per failed test ("Results across all configurations")
 * and, at the end, one "Observed forbidden state" line per configuration with the full description.
 */
public final class JcstressReport {
    /** A FORBIDDEN outcome seen in {@code samples} of the {@code totalSamples} samples of {@code test}. */
    public record Forbidden(String test, String outcome, long samples, long totalSamples, String description) {
        /** The rule the outcome breaks: the id the arbiter put first, else the first id in the description. */
        public Optional<Rule> rule() {
            Matcher id = RULE_ID.matcher(outcome);
            if (id.lookingAt()) return Optional.of(Rule.ofId(id.group()));
            id = RULE_ID.matcher(description);
            return id.find() ? Optional.of(Rule.ofId(id.group())) : Optional.empty();
        }

        /** The test's simple name. */
        public String race() { return test.substring(test.lastIndexOf('.') + 1); }

        @Override
        public String toString() {
            return race() + ": " + outcome + " in " + samples + " of " + totalSamples + " samples: " + description;
        }
    }

    private static final Pattern RULE_ID = Pattern.compile("SC-\\d\\d");
    private static final String NO_RESULTS = "no results";
    private static final Pattern TEST = Pattern.compile("^\\.*\\s*\\[(OK|FAILED|ERROR)\\]\\s+(\\S+)\\s*$");
    private static final Pattern ROW = Pattern.compile(
            "^\\s*(\\S+)\\s+([\\d,]+)\\s+\\S+%\\s+(Acceptable|Interesting|Forbidden|Unknown)\\s+(.*)$");
    private static final Pattern OBSERVED = Pattern.compile("^(\\S+) \\[.*\\]: Observed forbidden state: (\\S+) \\((.*)\\)$");
    private static final Pattern HTML = Pattern.compile("HTML report generated at (.+)$");
    private static final Pattern TOTALS = Pattern.compile("\\(Results: (\\d+) planned; (\\d+) passed, (\\d+) failed, (\\d+) soft errs, (\\d+) hard errs\\)");

    private final List<Forbidden> forbidden;
    private final List<String> errors;
    private final Optional<Path> html;
    private final String totals;

    private JcstressReport(List<Forbidden> forbidden, List<String> errors, Optional<Path> html, String totals) {
        this.forbidden = List.copyOf(forbidden);
        this.errors = List.copyOf(errors);
        this.html = html;
        this.totals = totals;
    }

    /** Reads jcstress's console output. */
    public static JcstressReport parse(List<String> lines) {
        Map<String, String> fullDescriptions = new HashMap<>();
        for (String line : lines) {
            Matcher observed = OBSERVED.matcher(line);
            if (observed.matches()) fullDescriptions.put(observed.group(1) + " " + observed.group(2), observed.group(3));
        }
        Map<String, List<String[]>> rowsByTest = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        Optional<Path> html = Optional.empty();
        String totals = NO_RESULTS;
        String test = null;
        for (String line : lines) {
            Matcher header = TEST.matcher(line);
            Matcher row = ROW.matcher(line);
            Matcher report = HTML.matcher(line);
            Matcher sums = TOTALS.matcher(line);
            if (header.matches()) {
                test = header.group(2);
                rowsByTest.put(test, new ArrayList<>());  // jcstress prints a failed test twice: as it fails, and in the summary
                if (header.group(1).equals("ERROR") && !errors.contains(test)) errors.add(test);
            } else if (row.matches() && test != null) {
                rowsByTest.get(test).add(new String[] {row.group(1), row.group(2).replace(",", ""), row.group(3), row.group(4)});
            } else if (report.find()) {
                html = Optional.of(Path.of(report.group(1).trim()));
            } else if (sums.find()) {
                totals = sums.group(2) + " of " + sums.group(1) + " test runs passed, " + sums.group(3) + " failed, "
                        + (Long.parseLong(sums.group(4)) + Long.parseLong(sums.group(5))) + " errors";
            }
        }
        List<Forbidden> forbidden = new ArrayList<>();
        rowsByTest.forEach((name, rows) -> {
            long total = rows.stream().mapToLong(r -> Long.parseLong(r[1])).sum();
            for (String[] r : rows) {
                long samples = Long.parseLong(r[1]);
                if (r[2].equals("Forbidden") && samples > 0) {
                    forbidden.add(new Forbidden(name, r[0], samples, total, fullDescriptions.getOrDefault(name + " " + r[0], r[3])));
                }
            }
        });
        return new JcstressReport(forbidden, errors, html, totals);
    }

    /** Every FORBIDDEN outcome observed, per test and outcome, with its samples summed over configurations. */
    public List<Forbidden> forbidden() { return forbidden; }

    /** Tests jcstress reported as errors (the race threw, or its JVM crashed). */
    public List<String> errors() { return errors; }

    /** The HTML report, if jcstress got as far as writing it. */
    public Optional<Path> html() { return html; }

    /** jcstress's last totals line, in words. */
    public String totals() { return totals; }

    /** Whether jcstress got as far as its totals line: a run without one crashed, whatever else it printed. */
    public boolean finished() { return !totals.equals(NO_RESULTS); }
}
