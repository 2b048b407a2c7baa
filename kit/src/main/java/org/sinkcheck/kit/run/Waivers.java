package org.sinkcheck.kit.run;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.sinkcheck.kit.Capability;
import org.sinkcheck.rules.Rule;

/**
 * The MUST rules a user accepts that the sink under test does not promise, each by rule id and with who
 * waived it (the command line's {@code --waive SC-11}, a {@code @Waive} on a JUnit class). A rule whose
 * promise ({@link Capability.Kind#PROMISE}) the adapter does not declare fails the gate as NOT PROMISED;
 * waived, it is WAIVED: not checked, not failing, and named in every report with who waived it.
 *
 * <p>Only such a rule can be waived: a waiver of an id that is no rule, or of a rule the sink is checked
 * on (or that is N/A because the adapter cannot observe it, which fails nothing), is refused in one line
 * by {@link #checkAgainst}, before anything runs. A waiver never hides a failure: a rule the kit sees
 * broken anyway is FAIL.
 */
public final class Waivers {
    private static final Waivers NONE = new Waivers(Map.of());

    private final Map<Rule, String> by;

    private Waivers(Map<Rule, String> by) {
        this.by = by;
    }

    /** No rule waived. */
    public static Waivers none() { return NONE; }

    /**
     * The rules {@code ids} names ({@code SC-11} or {@code SC11}), waived by {@code who}.
     *
     * @throws IllegalArgumentException naming the first id that is no rule
     */
    public static Waivers of(String who, Collection<String> ids) {
        Map<Rule, String> by = new EnumMap<>(Rule.class);
        for (String id : ids) by.put(rule(id.trim()), who);
        return by.isEmpty() ? NONE : new Waivers(Collections.unmodifiableMap(by));
    }

    private static Rule rule(String id) {
        try {
            return Rule.ofId(id);
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("cannot waive '" + id + "': no such rule (the rules are "
                    + Rule.values()[0].id() + " to " + Rule.values()[Rule.values().length - 1].id() + ")");
        }
    }

    /**
     * Refuses a waiver that waives nothing: of a rule a sink declaring {@code declared} is checked on, or
     * that is N/A only because the adapter cannot observe it.
     *
     * @throws IllegalArgumentException in one line, naming the rule and why
     */
    public void checkAgainst(Set<Capability> declared) {
        for (Rule rule : by.keySet()) {
            Optional<Capability> missing = Capability.missing(rule, declared);
            if (missing.isEmpty()) {
                throw new IllegalArgumentException("cannot waive " + rule.id() + ": it is not N/A for this sink, the kit checks it"
                        + " (only a MUST rule whose promise the adapter does not declare can be waived)");
            }
            if (!unpromised(rule, missing.get())) {
                throw new IllegalArgumentException("cannot waive " + rule.id() + ": it is N/A because " + missing.get().reason()
                        + ", which fails nothing (only a MUST rule whose promise the adapter does not declare can be waived)");
            }
        }
    }

    /** Whether {@code rule}, not checked for want of {@code missing}, fails the gate unless waived. */
    static boolean unpromised(Rule rule, Capability missing) {
        return missing.kind() == Capability.Kind.PROMISE && rule.level() == Rule.Level.MUST;
    }

    /** Who waived {@code rule}, if anyone. */
    public Optional<String> by(Rule rule) { return Optional.ofNullable(by.get(rule)); }

    /** The waived rules, in catalogue order, with who waived each. */
    public Map<Rule, String> rules() { return by; }

    public boolean isEmpty() { return by.isEmpty(); }

    /** {@code SC-11, SC-15}: the waived ids, for a command line or a message. */
    @Override
    public String toString() {
        return by.keySet().stream().map(Rule::id).collect(Collectors.joining(", "));
    }
}
