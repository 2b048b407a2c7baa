package org.sinkcheck.tlc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sinkcheck.rules.Rule;

/**
 * Traceability between the rule catalogue and the TLA+ text: every name {@link Rule#tlaNames()} lists
 * is an operator of CancelAll.tla, or an algorithm-level one that CancelAll.tla points to as
 * {@code CancelAllAlgo: <name>} and CancelAllAlgo.tla defines (when that file is present); and every
 * {@code SCnn_} operator of the specs, and every {@code SCnn_} name a configuration checks, belongs to
 * the rule its prefix names.
 */
class RuleNamesInTlaTest {
    private static final Pattern DEFINITION = Pattern.compile("(?m)^(SC\\d\\d_\\w+)\\s*==");

    private final SpecFolder specs = SpecFolder.locate(Path.of("target", "tlc", "names-extracted"));

    private Set<String> defined(String module) throws Exception {
        Set<String> names = new TreeSet<>();
        if (!specs.has(module)) return names;
        Matcher m = DEFINITION.matcher(Files.readString(specs.file(module)));
        while (m.find()) names.add(m.group(1));
        return names;
    }

    @Test
    void everyRuleNameIsAnOperatorOfTheAbstractOrTheAlgorithmSpec() throws Exception {
        Set<String> abstractOps = defined("CancelAll.tla");
        Set<String> algoOps = defined("CancelAllAlgo.tla");
        String abstractText = Files.readString(specs.file("CancelAll.tla"));
        List<String> missing = new ArrayList<>();
        for (Rule rule : Rule.values()) {
            for (String name : rule.tlaNames()) {
                if (abstractOps.contains(name)) continue;
                boolean documentedAsAlgorithm = abstractText.contains("CancelAllAlgo: " + name);
                boolean algoOk = specs.has("CancelAllAlgo.tla") ? algoOps.contains(name) : documentedAsAlgorithm;
                if (!documentedAsAlgorithm || !algoOk) missing.add(rule.id() + " " + name);
            }
        }
        assertTrue(missing.isEmpty(), "rule names with no TLA+ operator (or not documented as CancelAllAlgo's): " + missing);
    }

    @Test
    void everyScOperatorAndCheckedNameBelongsToItsRule() throws Exception {
        Set<String> names = new TreeSet<>(defined("CancelAll.tla"));
        for (String cfg : specs.configs()) {
            TlcConfig config = TlcConfig.parse(Files.readString(specs.file(cfg)));
            for (String n : config.invariants()) if (n.matches("SC\\d\\d_.*")) names.add(n);
            for (String n : config.properties()) if (n.matches("SC\\d\\d_.*")) names.add(n);
        }
        List<String> orphans = new ArrayList<>();
        for (String name : names) {
            // a step predicate SCnn_XStep is the body of the rule's property SCnn_X
            String property = name.endsWith("Step") ? name.substring(0, name.length() - 4) : name;
            Optional<Rule> rule = Rule.ofTlaName(name);
            if (rule.isEmpty() || !rule.get().tlaNames().contains(property)) orphans.add(name);
        }
        assertTrue(orphans.isEmpty(), "SC operators that no rule lists in Rule.tlaNames(): " + orphans);
    }
}
