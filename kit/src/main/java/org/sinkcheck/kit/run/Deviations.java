package org.sinkcheck.kit.run;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.sinkcheck.rules.Rule;

/**
 * The rules a user declares the sink under test breaks by design, each with its reason and who declared
 * it (the command line's {@code --deviation SC-08=reason}, a {@code @Deviation} on a JUnit class): a kill
 * switch that stays triggered, RxJava's {@code dispose()}, breaks SC-08 on purpose. A declared deviation
 * changes no verdict — the rule is FAIL, with the reason, never PASS, and a MUST rule still fails the
 * gate — it changes only how far the kit explores: a step whose every difference is a declared
 * deviation does not end its path or walk; the kit goes on from the model's state that matches what the
 * sink did, if the model has one a step away ({@code Run}), so the rest of the state graph is still checked.
 */
public final class Deviations {
    private static final Deviations NONE = new Deviations(Map.of());

    /** Why the sink deviates from one rule, and who said so. */
    public record Declared(String reason, String by) {}

    private final Map<Rule, Declared> declared;

    private Deviations(Map<Rule, Declared> declared) {
        this.declared = declared;
    }

    /** No deviation declared. */
    public static Deviations none() { return NONE; }

    /**
     * The deviations {@code reasons} names (rule id, {@code SC-08} or {@code SC08}, to its reason), declared by {@code by}.
     *
     * @throws IllegalArgumentException in one line, naming the first id that is no rule or the rule whose reason is blank
     */
    public static Deviations of(String by, Map<String, String> reasons) {
        Map<Rule, Declared> declared = new EnumMap<>(Rule.class);
        reasons.forEach((id, reason) -> {
            Rule rule;
            try {
                rule = Rule.ofId(id.trim());
            } catch (IllegalArgumentException unknown) {
                throw new IllegalArgumentException("cannot declare a deviation from '" + id + "': no such rule (the rules are "
                        + Rule.values()[0].id() + " to " + Rule.values()[Rule.values().length - 1].id() + ")");
            }
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a deviation from " + rule.id() + " needs a reason: why the sink breaks it by design");
            }
            declared.put(rule, new Declared(reason.replaceAll("\\s+", " ").trim(), by));
        });
        return declared.isEmpty() ? NONE : new Deviations(Collections.unmodifiableMap(declared));
    }

    public boolean isEmpty() { return declared.isEmpty(); }

    public boolean declares(Rule rule) { return declared.containsKey(rule); }

    public Optional<Declared> of(Rule rule) { return Optional.ofNullable(declared.get(rule)); }

    /** Every deviation, in rule order. */
    public Map<Rule, Declared> rules() { return declared; }

    /** How a report says it: {@code deviation declared by <who>: <reason>}. */
    static String describe(Declared d) {
        return "deviation declared by " + d.by() + ": " + d.reason();
    }

    @Override
    public String toString() {
        return declared.entrySet().stream().map(e -> e.getKey().id() + "=" + e.getValue().reason()).collect(Collectors.joining(", "));
    }
}
