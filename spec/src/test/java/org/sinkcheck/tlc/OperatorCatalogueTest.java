package org.sinkcheck.tlc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sinkcheck.rules.Operator;
import org.sinkcheck.rules.Rule;

/**
 * The rule catalogue in code ({@link Operator}) and the TLA+ text agree, both ways: every operator is
 * defined in exactly the specs it names, has the kind of formula it says, and is established as it says
 * (checked in a configuration of each spec that defines it, a {@code THEOREM}, or another name); and every
 * {@code SCnn_} operator the specs define, and every {@code SCnn_} name a configuration checks, is in the
 * catalogue under the rule its prefix names.
 */
class OperatorCatalogueTest {
    private static final String ABSTRACT = "CancelAll";
    private static final String ALGORITHM = "CancelAllAlgo";
    private static final Pattern DEFINITION = Pattern.compile("(?m)^(SC\\d\\d_\\w+)\\s*==(.*(?:\\n(?![\\w\\\\]|\\s*$).*)*)");

    private final SpecFolder specs = SpecFolder.locate(Path.of("target", "tlc", "names-extracted"));

    /** Operator name to its definition's body, in module {@code module}. */
    private Map<String, String> definitions(String module) throws Exception {
        Map<String, String> out = new TreeMap<>();
        Matcher m = DEFINITION.matcher(Files.readString(specs.file(module + ".tla")));
        while (m.find()) out.put(m.group(1), m.group(2).strip());
        return out;
    }

    /** The configurations of {@code module}: the top-level ones whose longest module-name prefix is it. */
    private List<TlcConfig> configs(String module) throws Exception {
        List<TlcConfig> out = new ArrayList<>();
        for (String cfg : specs.configs()) {
            String owner = cfg.startsWith(ALGORITHM) ? ALGORITHM : cfg.startsWith(ABSTRACT) ? ABSTRACT : "";
            if (owner.equals(module)) out.add(TlcConfig.parse(Files.readString(specs.file(cfg))));
        }
        return out;
    }

    private boolean checkedIn(String module, Operator op) throws Exception {
        for (TlcConfig config : configs(module)) {
            List<String> section = op.kind() == Operator.Kind.INVARIANT ? config.invariants() : config.properties();
            if (section.contains(op.name())) return true;
        }
        return false;
    }

    @Test
    void SC01_to_SC16_everyOperatorIsDefinedInTheSpecsItNamesAsTheKindItSays() throws Exception {
        Map<String, String> abstractOps = definitions(ABSTRACT);
        Map<String, String> algoOps = definitions(ALGORITHM);
        for (Operator op : Operator.values()) {
            assertEquals(op.spec().hasAbstract(), abstractOps.containsKey(op.name()), op + " in CancelAll.tla");
            assertEquals(op.spec().hasAlgorithm(), algoOps.containsKey(op.name()), op + " in CancelAllAlgo.tla");
            for (Map<String, String> defs : List.of(abstractOps, algoOps)) {
                String body = defs.get(op.name());
                if (body == null || op.established() == Operator.Established.ANOTHER_NAME) continue;
                boolean action = body.startsWith("[][");
                boolean temporal = body.contains("~>");
                Operator.Kind kind = action ? Operator.Kind.ACTION_PROPERTY : temporal ? Operator.Kind.TEMPORAL : Operator.Kind.INVARIANT;
                assertEquals(op.kind(), kind, op + ": " + body);
            }
        }
    }

    @Test
    void SC01_to_SC16_everyOperatorIsEstablishedAsItSays() throws Exception {
        String abstractText = Files.readString(specs.file(ABSTRACT + ".tla"));
        Map<String, String> abstractOps = definitions(ABSTRACT);
        for (Operator op : Operator.values()) {
            switch (op.established()) {
                case CHECKED -> {
                    if (op.spec().hasAbstract()) assertTrue(checkedIn(ABSTRACT, op), op + " is checked by no CancelAll configuration");
                    if (op.spec().hasAlgorithm()) assertTrue(checkedIn(ALGORITHM, op), op + " is checked by no CancelAllAlgo configuration");
                }
                case THEOREM_IN_ABSTRACT -> {
                    assertTrue(abstractText.matches("(?s).*\\nTHEOREM [^\\n]*\\b" + op.name() + "\\b.*"), op + " has no THEOREM in CancelAll.tla");
                    assertTrue(!checkedIn(ABSTRACT, op), op + " is a theorem, yet a CancelAll configuration checks it");
                    if (op.spec().hasAlgorithm()) assertTrue(checkedIn(ALGORITHM, op), op + " is checked by no CancelAllAlgo configuration");
                }
                case ANOTHER_NAME -> {
                    Optional<Operator> named = Operator.ofTlaName(abstractOps.get(op.name()));
                    assertTrue(named.isPresent() && named.get().established() == Operator.Established.CHECKED,
                            op + " must be defined as another, checked operator: " + abstractOps.get(op.name()));
                    assertTrue(!checkedIn(ABSTRACT, op), op + " is another name, yet checked under this one");
                }
            }
        }
    }

    @Test
    void SC01_to_SC16_everyScOperatorAndCheckedNameIsInTheCatalogueUnderItsRule() throws Exception {
        Set<String> names = new TreeSet<>(definitions(ABSTRACT).keySet());
        names.addAll(definitions(ALGORITHM).keySet());
        for (String cfg : specs.configs()) {
            TlcConfig config = TlcConfig.parse(Files.readString(specs.file(cfg)));
            for (String n : config.invariants()) if (n.matches("SC\\d\\d_.*")) names.add(n);
            for (String n : config.properties()) if (n.matches("SC\\d\\d_.*")) names.add(n);
        }
        List<String> orphans = new ArrayList<>();
        for (String name : names) {
            Optional<Operator> op = Operator.ofTlaName(name);
            if (op.isEmpty() || op.get().rule() != Rule.valueOf(name.substring(0, 4))) orphans.add(name);
        }
        assertTrue(orphans.isEmpty(), "SC operators the catalogue (Operator) does not list under their rule: " + orphans);
    }
}
