package org.sinkcheck.kit;

import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.sinkcheck.rules.Rule;

/**
 * What an adapter declares about its sink, in three kinds ({@link Kind}): what the sink <em>can do</em>,
 * what the adapter <em>can observe</em>, and what the sink <em>promises</em>. Rules that need a capability
 * the adapter does not declare are not checked, and the report says so with {@link #reason()}; the kind
 * decides what that costs the sink.
 *
 * <ul>
 * <li>{@link Kind#CAN_DO}: an action the sink's API has. Without it the kit does not play that action; no
 *     rule depends on it alone.</li>
 * <li>{@link Kind#CAN_OBSERVE}: something the adapter can see or present through the sink's API. Without
 *     it the rules needing it are NOT APPLICABLE: the kit cannot look, which says nothing against the sink.</li>
 * <li>{@link Kind#PROMISE}: a behaviour the sink's author stands behind. An undeclared promise of a MUST
 *     rule is a rule the sink does not keep: it fails the gate unless the user waives that rule by id.</li>
 * </ul>
 */
public enum Capability {
    /** Without it the kit plays no progress signal. */
    PROGRESS(Kind.CAN_DO, "the sink has no progress signal"),
    /** Without it the kit plays no fail; complete and cancel still race for the final (SC-05). */
    FAIL(Kind.CAN_DO, "the sink cannot end a call with an error"),

    PROVIDER_TOLD(Kind.CAN_OBSERVE, "the adapter cannot observe whether the provider was told its call was cancelled", Rule.SC12),
    /**
     * The kit sees a lost call (SC-06) only through the count. A retained one (SC-13) it sees through the count
     * where there is one, and always by reachability, which needs no capability: at the end of each walk and of
     * a sample of the replay's paths, the contexts and delivered objects of the calls the model has finished must
     * be collectible with every sink alive. So SC-13 is never N/A: a sink that cannot count its calls is still
     * judged by what it keeps reachable.
     */
    RETENTION_VISIBLE(Kind.CAN_OBSERVE, "the adapter cannot count the calls the sink still references", Rule.SC06),
    HANDLE_CHECKS(Kind.CAN_OBSERVE, "the sink's API cannot present a handle to a sink that did not issue it", Rule.SC14),

    /**
     * One promise of SC-15 with two observations, which the reports tell apart ({@code Coverage}): the sink
     * <em>contains</em> an exception its listener throws (it stops no sweep and keeps no other call from its
     * final; a throw from an object or progress callback cancels that call alone), which the kit sees in every
     * listener's events after the throwing step; and it <em>reports</em> it (never swallows it), which the kit
     * sees in the errors the adapter forwards to {@code Events.listenerError}. One capability, not two: SC-15
     * asks for both, so a sink that contains but swallows breaks the rule as surely as one that lets the throw
     * escape, and a rule with half a promise would still be NOT PROMISED. Without it the kit plays no throw
     * from an object or progress callback; it still throws from every final (a sink must survive that in any
     * case) and judges the containment, but not the reports.
     */
    LISTENER_ERRORS(Kind.PROMISE, "the sink does not promise to contain and report exceptions thrown by its listener", Rule.SC15),
    CANCEL_IN_CALLBACK(Kind.PROMISE, "the sink does not promise that cancel works from inside a callback", Rule.SC16),
    THREAD_SAFE(Kind.PROMISE, "the sink does not promise to be safe to use from several threads", Rule.SC11);

    /** The three kinds of capability; see {@link Capability}. */
    public enum Kind {
        /** What the sink can do: an action its API has. */
        CAN_DO,
        /** What the adapter can observe, or present, through the sink's API. */
        CAN_OBSERVE,
        /** What the sink promises; undeclared, its MUST rules fail the gate unless waived. */
        PROMISE;

        /** How reports name the kind: {@code can-do}, {@code can-observe}, {@code promise}. */
        public String label() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }
    }

    private final Kind kind;
    private final String reason;
    private final Set<Rule> rules;

    Capability(Kind kind, String reasonWhenMissing, Rule... rulesNeedingIt) {
        this.kind = kind;
        this.reason = reasonWhenMissing;
        this.rules = Set.of(rulesNeedingIt);
    }

    public Kind kind() { return kind; }

    /** The rules the kit does not check on a sink without this capability. */
    public Set<Rule> rules() { return rules; }

    /** Why the rules needing this capability are not checked when it is missing. */
    public String reason() { return reason; }

    /**
     * The capability {@code rule} needs that {@code declared} lacks, if any; a promise before an observation,
     * so that a missing observation never hides a missing promise.
     */
    public static Optional<Capability> missing(Rule rule, Set<Capability> declared) {
        return Arrays.stream(values()).filter(c -> c.rules.contains(rule) && !declared.contains(c))
                .min(Comparator.comparing((Capability c) -> c.kind != Kind.PROMISE));
    }

    /** The capabilities of {@code kind}. */
    public static Set<Capability> of(Kind kind) {
        Set<Capability> out = EnumSet.noneOf(Capability.class);
        for (Capability c : values()) if (c.kind == kind) out.add(c);
        return out;
    }
}
