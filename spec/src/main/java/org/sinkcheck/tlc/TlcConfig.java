package org.sinkcheck.tlc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A TLC configuration file ({@code .cfg}), read into its sections so that a run can check it
 * as written, or a variant of it (another SPECIFICATION, or no checks at all) without a second,
 * hand-copied file that would drift from the first.
 *
 * <p>Only the shape sinkcheck's configurations use is understood: a keyword line
 * ({@code CONSTANTS}, {@code SPECIFICATION Spec}, {@code INVARIANTS}, {@code PROPERTIES}, …) followed by
 * one item per line; {@code \*} comments. Constant values are parsed with {@link TlaValue}.
 */
public final class TlcConfig {
    private static final Set<String> KEYWORDS = Set.of("CONSTANT", "CONSTANTS", "SPECIFICATION", "INIT", "NEXT",
            "INVARIANT", "INVARIANTS", "PROPERTY", "PROPERTIES", "SYMMETRY", "VIEW", "CONSTRAINT", "CONSTRAINTS",
            "ACTION_CONSTRAINT", "ACTION_CONSTRAINTS", "CHECK_DEADLOCK", "POSTCONDITION", "ALIAS");

    /** Section keyword (singular/plural folded to plural) to its items, in file order. */
    private final Map<String, List<String>> sections;

    private TlcConfig(Map<String, List<String>> sections) {
        this.sections = sections;
    }

    public static TlcConfig parse(String text) {
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
        return new TlcConfig(sections);
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
        return new TlcConfig(copy);
    }

    /** This configuration without section {@code keyword}. */
    public TlcConfig without(String keyword) {
        Map<String, List<String>> copy = new LinkedHashMap<>(sections);
        copy.remove(plural(keyword));
        return new TlcConfig(copy);
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
