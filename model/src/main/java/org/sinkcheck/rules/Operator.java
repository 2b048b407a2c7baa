package org.sinkcheck.rules;

import static org.sinkcheck.rules.Operator.Kind.ACTION_PROPERTY;
import static org.sinkcheck.rules.Operator.Kind.INVARIANT;
import static org.sinkcheck.rules.Operator.Kind.TEMPORAL;
import static org.sinkcheck.rules.Operator.Spec.ABSTRACT;
import static org.sinkcheck.rules.Operator.Spec.ALGORITHM;
import static org.sinkcheck.rules.Operator.Spec.BOTH;

import java.util.Optional;

/**
 * Every TLA+ operator that states a rule, as a value: the one place that says which rule it belongs to,
 * which spec defines it, what kind of formula it is, how TLC establishes it, and what of it only an
 * interleaving can break. Its name is the operator's name in {@code spec/tla}; {@code OperatorCatalogueTest}
 * (spec module) holds this table to the TLA+ text and the configurations, both ways.
 *
 * <p>Every report, counterexample and jcstress outcome names a rule through one of these: a
 * {@link org.sinkcheck.model.Violation} is charged to an operator, never to a bare rule or a string.
 */
public enum Operator {
    SC01_ScopeAll(Rule.SC01, BOTH, ACTION_PROPERTY),
    SC02_NeverOthers(Rule.SC02, BOTH, ACTION_PROPERTY),
    SC02_OwnListenerOnly(Rule.SC02, ABSTRACT, INVARIANT),
    SC03_OneFinalLast(Rule.SC03, BOTH, INVARIANT),
    SC04_SilentAfterCancel(Rule.SC04, BOTH, ACTION_PROPERTY),
    SC04_InFlight(Rule.SC04, ALGORITHM, ACTION_PROPERTY, Established.CHECKED,
            Concurrency.ONLY, "the in-flight allowance when cancel races a signal"),
    SC05_FinalIsForever(Rule.SC05, BOTH, ACTION_PROPERTY, Established.CHECKED,
            Concurrency.PART, "complete or fail racing cancel"),
    SC06_NoLostCall(Rule.SC06, BOTH, INVARIANT, Established.CHECKED,
            Concurrency.PART, "begin racing cancel"),
    SC07_CancelIdempotent(Rule.SC07, ABSTRACT, ACTION_PROPERTY, Established.CHECKED,
            Concurrency.PART, "concurrent cancels of one sink"),
    SC08_FreshCallsLive(Rule.SC08, BOTH, ACTION_PROPERTY),
    /** Another name of {@link #SC02_OwnListenerOnly}, checked once, as SC-02. */
    SC09_EventsCarryTheirCall(Rule.SC09, ABSTRACT, INVARIANT, Established.ANOTHER_NAME, Concurrency.NONE, null),
    SC09_SerialCallbacks(Rule.SC09, ALGORITHM, INVARIANT, Established.CHECKED,
            Concurrency.PART, "callbacks of one call signalled from several threads"),
    SC10_EndlessEndOnlyByCancel(Rule.SC10, ABSTRACT, INVARIANT),
    SC10_EveryCallEnds(Rule.SC10, BOTH, TEMPORAL),
    /** {@code Cancel(s)} has no guard: a theorem of the abstract spec; the algorithm's is its deadlock check. */
    SC11_CancelNeverWaits(Rule.SC11, ABSTRACT, INVARIANT, Established.THEOREM_IN_ABSTRACT,
            Concurrency.ONLY, "only another thread can make cancel wait"),
    /** A theorem of the abstract spec (the provider's view is the status); a check of the algorithm's. */
    SC12_ProviderTold(Rule.SC12, BOTH, INVARIANT, Established.THEOREM_IN_ABSTRACT, Concurrency.NONE, null),
    SC13_NoRetention(Rule.SC13, BOTH, INVARIANT),
    /** Another name of {@link #SC02_OwnListenerOnly}; the kit's step check is what a real sink must pass. */
    SC14_HandlesBound(Rule.SC14, ABSTRACT, INVARIANT, Established.ANOTHER_NAME, Concurrency.NONE, null),
    SC15_FaultReported(Rule.SC15, BOTH, INVARIANT),
    SC15_OwnCallOnly(Rule.SC15, BOTH, ACTION_PROPERTY),
    /** {@code SC01_ScopeAll} for the step {@code CancelInCallback}: a theorem; its teeth are the algorithm's deadlock check. */
    SC16_CancelInCallbackTakesEffect(Rule.SC16, ABSTRACT, ACTION_PROPERTY, Established.THEOREM_IN_ABSTRACT,
            Concurrency.PART, "two sinks whose listeners cancel each other on two threads");

    /** Which spec defines the operator: {@code CancelAll.tla}, {@code CancelAllAlgo.tla}, or both under one name. */
    public enum Spec {
        ABSTRACT, ALGORITHM, BOTH;

        public boolean hasAbstract() { return this != ALGORITHM; }

        public boolean hasAlgorithm() { return this != ABSTRACT; }
    }

    /** The TLA+ shape: a state predicate ({@code INVARIANT}), {@code [][P]_vars}, or a liveness formula. */
    public enum Kind { INVARIANT, ACTION_PROPERTY, TEMPORAL }

    /** How the build establishes it. */
    public enum Established {
        /** TLC checks it in a configuration of every spec that defines it. */
        CHECKED,
        /** It holds by definition in the abstract spec (a {@code THEOREM} there, no check); the algorithm's, if any, is checked. */
        THEOREM_IN_ABSTRACT,
        /** Another name of an operator that is checked under its own name. */
        ANOTHER_NAME
    }

    /** What of the rule one action at a time (the conformance kit) cannot break, and the stress tier checks. */
    public enum Concurrency {
        /** Nothing: one action at a time exercises all of it. */
        NONE,
        /** One part needs an interleaving; the rest the kit sees. */
        PART,
        /** Only an interleaving can break it. */
        ONLY
    }

    private final Rule rule;
    private final Spec spec;
    private final Kind kind;
    private final Established established;
    private final Concurrency concurrency;
    private final String concurrentPart;

    Operator(Rule rule, Spec spec, Kind kind) {
        this(rule, spec, kind, Established.CHECKED, Concurrency.NONE, null);
    }

    Operator(Rule rule, Spec spec, Kind kind, Established established, Concurrency concurrency, String concurrentPart) {
        if ((concurrency == Concurrency.NONE) != (concurrentPart == null)) {
            throw new IllegalArgumentException(name() + ": a concurrent part needs its description, and only it");
        }
        this.rule = rule;
        this.spec = spec;
        this.kind = kind;
        this.established = established;
        this.concurrency = concurrency;
        this.concurrentPart = concurrentPart;
    }

    public Rule rule() { return rule; }

    public Spec spec() { return spec; }

    public Kind kind() { return kind; }

    public Established established() { return established; }

    public Concurrency concurrency() { return concurrency; }

    /** What only an interleaving can break, in words a report prints; empty for {@link Concurrency#NONE}. */
    public Optional<String> concurrentPart() { return Optional.ofNullable(concurrentPart); }

    /** The operator a TLA+ name denotes: {@code SC01_ScopeAll}, or its step predicate {@code SC01_ScopeAllStep}. */
    public static Optional<Operator> ofTlaName(String tlaName) {
        if (tlaName == null) return Optional.empty();
        String name = tlaName.endsWith("Step") ? tlaName.substring(0, tlaName.length() - 4) : tlaName;
        for (Operator op : values()) if (op.name().equals(name)) return Optional.of(op);
        return Optional.empty();
    }
}
