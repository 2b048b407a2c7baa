package org.sinkcheck.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rule catalogue of RULES.md, one constant per rule: its level and its summary. What states it in
 * TLA+ is {@link Operator}'s, which knows its rule; this class reads it from there. The id is stable and
 * is what every report, test name, jcstress outcome and TLA+ operator carries ({@code SC-03} here,
 * {@code SC03_…} in TLA+).
 *
 * <p>Which rule one observed history breaks is decided in one place,
 * {@link org.sinkcheck.model.CallHistory#violation()}, for every tier.
 */
public enum Rule {
    SC01(Level.MUST, "scope-all: cancel(s) ends every call of s pending at its linearization point"),
    SC02(Level.MUST, "never-others: cancel(s) changes no call, event or resource of another sink; no listener hears another sink's call"),
    SC03(Level.MUST, "exactly one final per call (completed, failed or cancelled); it is the last event"),
    SC04(Level.MUST, "no object or progress reaches a cancelled call's listener once cancel has returned"),
    SC05(Level.MUST, "exactly one of complete / fail / cancel wins; a finished call is never touched again"),
    SC06(Level.MUST, "a call begun concurrently with cancel is either cancelled by it or fully live: never lost"),
    SC07(Level.MUST, "cancel is idempotent, a no-op on an idle sink, and concurrent cancels end each call once"),
    SC08(Level.MUST, "the sink is reusable after cancel: calls begun later are live, not pre-cancelled"),
    SC09(Level.MUST, "one call's callbacks never overlap; events carry their call's context; no order across calls"),
    SC10(Level.MUST, "calls that never end on their own end only by cancel, and then do end"),
    SC11(Level.MUST, "cancel never blocks on a provider, a listener or another thread"),
    SC12(Level.MUST, "the provider of a cancelled call is told, so it can stop its work"),
    SC13(Level.MUST, "the sink keeps no reference to a finished call"),
    SC14(Level.MUST, "only the handle issued for a call can signal it: foreign, stale and forged handles are refused and reach no listener"),
    SC15(Level.MUST, "a throwing listener stops no sweep and harms no other call; its error is reported and its own call is cancelled"),
    SC16(Level.MUST, "cancel from inside a callback takes effect and never deadlocks");

    /**
     * RFC 2119 strength, as in the Reactive Streams spec. Every rule is MUST today; the kit's JUnit face
     * and the gate fail on a MUST only, so a SHOULD rule would need its own row handling there first.
     */
    public enum Level { MUST, SHOULD, MAY }

    private final Level level;
    private final String summary;

    Rule(Level level, String summary) {
        this.level = level;
        this.summary = summary;
    }

    /** The id people read: {@code SC-03}. */
    public String id() {
        return "SC-" + name().substring(2);
    }

    public Level level() { return level; }

    public String summary() { return summary; }

    /** The TLA+ operators that state this rule, the main one first. */
    public List<Operator> operators() {
        List<Operator> out = new ArrayList<>();
        for (Operator op : Operator.values()) if (op.rule() == this) out.add(op);
        return out;
    }

    /** The rule's main operator: the one a difference is charged to when nothing more specific applies. */
    public Operator operator() { return operators().get(0); }

    /** Whether only interleavings can break this rule: the kit leaves all of it to the stress tier. */
    public boolean concurrentOnly() {
        return operators().stream().allMatch(op -> op.concurrency() == Operator.Concurrency.ONLY);
    }

    /** What of this rule only interleavings can break, in words; empty if the kit sees all of it. */
    public Optional<String> concurrentPart() {
        List<String> parts = new ArrayList<>();
        for (Operator op : operators()) op.concurrentPart().ifPresent(parts::add);
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", parts));
    }

    /**
     * The rule a TLA+ name such as {@code SC03_OneFinalLast} belongs to: its operator's, or, for an
     * {@code SCnn_} name the catalogue does not list (a broken variant's own), the rule its prefix names.
     */
    public static Optional<Rule> ofTlaName(String tlaName) {
        Optional<Operator> op = Operator.ofTlaName(tlaName);
        if (op.isPresent()) return Optional.of(op.get().rule());
        if (tlaName == null || !tlaName.matches("SC\\d\\d_.*")) return Optional.empty();
        try {
            return Optional.of(valueOf(tlaName.substring(0, 4)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    /** Parses {@code SC-03} or {@code SC03}. */
    public static Rule ofId(String id) {
        return valueOf(id.replace("-", ""));
    }

    @Override
    public String toString() {
        return id();
    }
}
