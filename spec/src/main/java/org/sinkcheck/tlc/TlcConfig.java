package org.sinkcheck.tlc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sinkcheck.rules.Rule;

/**
 * A TLC configuration file ({@code .cfg}), read into its sections so that a run can check it
 * as written, or a variant of it (another SPECIFICATION, or no checks at all) without a second,
 * hand-copied file that would drift from the first.
 *
 * <p>Only the shape sinkcheck's configurations use is understood: a keyword line
 * ({@code CONSTANTS}, {@code SPECIFICATION Spec}, {@code INVARIANTS}, {@code PROPERTIES}, …) followed by
 * one item per line; {@code \*} comments. Constant values are parsed with {@link TlaValue}.
 *
 * <p>Two comment lines are sinkcheck's own, read here and ignored by TLC: what the model must explore
 * ({@code \* expect: 192927 distinct states, 570860 states generated, depth 32}: exact counts, so that a
 * changed spec or bound shows as a changed count), and which rule a deadlock in this model breaks
 * ({@code \* deadlock: SC-11}).
 */
public final class TlcConfig {
    private static final Set<String> KEYWORDS = Set.of("CONSTANT", "CONSTANTS", "SPECIFICATION", "INIT", "NEXT",
            "INVARIANT", "INVARIANTS", "PROPERTY", "PROPERTIES", "SYMMETRY", "VIEW", "CONSTRAINT", "CONSTRAINTS",
            "ACTION_CONSTRAINT", "ACTION_CONSTRAINTS", "CHECK_DEADLOCK", "POSTCONDITION", "ALIAS");

    private static final Pattern EXPECT = Pattern.compile(
            "(?m)^\\\\\\* expect: ([\\d,]+) distinct states, ([\\d,]+) states generated, depth (\\d+)\\s*$");
    private static final Pattern DEADLOCK = Pattern.compile("(?m)^\\\\\\* deadlock: (SC-\\d\\d)\\b");

    /** The exact size of a model's state graph: distinct states, states generated (edges + initial states), depth. */
    public record Counts(long distinct, long generated, int depth) {
        @Override public String toString() {
            return String.format(Locale.ROOT, "%,d distinct states, %,d states generated, depth %d", distinct, generated, depth);
        }
    }

    /** Section keyword (singular/plural folded to plural) to its items, in file order. */
    private final Map<String, List<String>> sections;
    private final Optional<Counts> expected;
    private final Optional<Rule> deadlockRule;

    private TlcConfig(Map<String, List<String>> sections, Optional<Counts> expected, Optional<Rule> deadlockRule) {
        this.sections = sections;
        this.expected = expected;
        this.deadlockRule = deadlockRule;
    }

    /** The counts this model must explore exactly, if the configuration states them. */
    public Optional<Counts> expected() { return expected; }

    /** The rule a deadlock of this model breaks, if the configuration says. */
    public Optional<Rule> deadlockRule() { return deadlockRule; }

    public static TlcConfig parse(String text) {
        Matcher e = EXPECT.matcher(text);
        Optional<Counts> expected = e.find() ? Optional.of(new Counts(number(e.group(1)), number(e.group(2)),
                Integer.parseInt(e.group(3)))) : Optional.empty();
        Matcher d = DEADLOCK.matcher(text);
        Optional<Rule> deadlock = d.find() ? Optional.of(Rule.ofId(d.group(1))) : Optional.empty();
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> current = null;
        for (String raw : text.split("\n")) {
            String line = raw.replaceAll("\\\\\\*.*", "").strip();
            if (line.isEmpty()) continue;
            String[] words = line.split("\\s+", 2);
            String keyword = words[0].toUpperCase(Locale.ROOT);
            if (KEYWORDS.contains(words[0])) {
                current = sections.computeIfAbsent(plural(keyword), k -> new ArrayList<>());
                if (words.length > 1) current.addAll(items(words[1]));
            } else if (current == null) {
                throw new IllegalArgumentException("TLC config: '" + line + "' is outside any section");
            } else {
                current.add(line);
            }
        }
        return new TlcConfig(sections, expected, deadlock);
    }

    private static long number(String digits) {
        return Long.parseLong(digits.replace(",", ""));
    }

    /** Several names on one line (e.g. {@code INVARIANT A B}) are several items; a constant is one item. */
    private static List<String> items(String rest) {
        return rest.contains("=") || rest.contains("<-") ? List.of(rest.strip()) : List.of(rest.strip().split("\\s+"));
    }

    private static String plural(String keyword) {
        switch (keyword) {
            case "CONSTANT": return "CONSTANTS";
            case "INVARIANT": return "INVARIANTS";
            case "PROPERTY": return "PROPERTIES";
            case "CONSTRAINT": return "CONSTRAINTS";
            case "ACTION_CONSTRAINT": return "ACTION_CONSTRAINTS";
            default: return keyword;
        }
    }

    public List<String> invariants() { return sections.getOrDefault("INVARIANTS", List.of()); }

    public List<String> properties() { return sections.getOrDefault("PROPERTIES", List.of()); }

    public String specification() {
        List<String> spec = sections.get("SPECIFICATION");
        return spec == null || spec.isEmpty() ? null : spec.get(0);
    }

    /** The constant assignments {@code Name = value}, values parsed. Substitutions ({@code <-}) are skipped. */
    public Map<String, TlaValue> constants() {
        Map<String, TlaValue> out = new LinkedHashMap<>();
        for (String item : sections.getOrDefault("CONSTANTS", List.of())) {
            int eq = item.indexOf('=');
            if (eq > 0 && !item.contains("<-")) out.put(item.substring(0, eq).strip(), TlaValue.parse(item.substring(eq + 1)));
        }
        return out;
    }

    /** The same configuration with another {@code SPECIFICATION}. */
    public TlcConfig withSpecification(String name) {
        return with("SPECIFICATION", List.of(name));
    }

    /** The same model with no invariant or property: what a state-graph dump needs and no more. */
    public TlcConfig withoutChecks() {
        return without("INVARIANTS").without("PROPERTIES");
    }

    /** This configuration with section {@code keyword} (plural form, e.g. INVARIANTS) set to {@code items}. */
    public TlcConfig with(String keyword, List<String> items) {
        Map<String, List<String>> copy = new LinkedHashMap<>(sections);
        copy.put(plural(keyword), List.copyOf(items));
        return new TlcConfig(copy, expected, deadlockRule);
    }

    /** This configuration without section {@code keyword}. */
    public TlcConfig without(String keyword) {
        Map<String, List<String>> copy = new LinkedHashMap<>(sections);
        copy.remove(plural(keyword));
        return new TlcConfig(copy, expected, deadlockRule);
    }

    /** The file text TLC reads. */
    public String render() {
        StringBuilder b = new StringBuilder();
        sections.forEach((keyword, items) -> {
            b.append(keyword).append('\n');
            for (String item : items) b.append("    ").append(item).append('\n');
        });
        return b.toString();
    }
}
