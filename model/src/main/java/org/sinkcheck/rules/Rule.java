package org.sinkcheck.rules;

import java.util.List;

/**
 * The rule catalogue of RULES.md, one constant per rule. The id is stable and is what every report,
 * test name, jcstress outcome and TLA+ operator carries ({@code SC-03} here, {@code SC03_…} in TLA+).
 */
public enum Rule {
    SC01(Level.MUST, "scope-all: cancel(s) ends every call of s pending at its linearization point",
            "SC01_ScopeAll"),
    SC02(Level.MUST, "never-others: cancel(s) changes no call, event or resource of another sink; no listener hears another sink's call",
            "SC02_NeverOthers", "SC02_OwnListenerOnly"),
    SC03(Level.MUST, "exactly one final per call (completed, failed or cancelled); it is the last event",
            "SC03_OneFinalLast"),
    SC04(Level.MUST, "no object or progress reaches a cancelled call's listener once cancel has returned",
            "SC04_SilentAfterCancel", "SC04_InFlight"),
    SC05(Level.MUST, "exactly one of complete / fail / cancel wins; a finished call is never touched again",
            "SC05_FinalIsForever"),
    SC06(Level.MUST, "a call begun concurrently with cancel is either cancelled by it or fully live: never lost",
            "SC06_NoLostCall"),
    SC07(Level.MUST, "cancel is idempotent, a no-op on an idle sink, and concurrent cancels end each call once",
            "SC07_CancelIdempotent"),
    SC08(Level.MUST, "the sink is reusable after cancel: calls begun later are live, not pre-cancelled",
            "SC08_FreshCallsLive"),
    SC09(Level.MUST, "one call's callbacks never overlap; events carry their call's context; no order across calls",
            "SC09_EventsCarryTheirCall", "SC09_SerialCallbacks"),
    SC10(Level.MUST, "calls that never end on their own end only by cancel, and then do end",
            "SC10_EndlessEndOnlyByCancel", "SC10_EveryCallEnds"),
    SC11(Level.MUST, "cancel never blocks on a provider, a listener or another thread",
            "SC11_CancelNeverWaits"),
    SC12(Level.MUST, "the provider of a cancelled call is told, so it can stop its work",
            "SC12_ProviderTold"),
    SC13(Level.MUST, "the sink keeps no reference to a finished call",
            "SC13_NoRetention"),
    SC14(Level.MUST, "only the handle issued for a call can signal it: foreign, stale and forged handles are refused and reach no listener",
            "SC14_HandlesBound"),
    SC15(Level.MUST, "a throwing listener stops no sweep and harms no other call; its error is reported and its own call is cancelled",
            "SC15_FaultReported", "SC15_OwnCallOnly"),
    SC16(Level.MUST, "cancel from inside a callback takes effect and never deadlocks",
            "SC16_CancelInCallbackTakesEffect");

    /** RFC 2119 strength, as in the Reactive Streams spec. */
    public enum Level { MUST, SHOULD, MAY }

    private final Level level;
    private final String summary;
    private final List<String> tlaNames;

    Rule(Level level, String summary, String... tlaNames) {
        this.level = level;
        this.summary = summary;
        this.tlaNames = List.of(tlaNames);
    }

    /** The id people read: {@code SC-03}. */
    public String id() {
        return "SC-" + name().substring(2);
    }

    public Level level() { return level; }

    public String summary() { return summary; }

    /** The TLA+ operators (in CancelAll.tla or CancelAllAlgo.tla) that express this rule. */
    public List<String> tlaNames() { return tlaNames; }

    /** The rule a TLA+ operator name such as {@code SC03_OneFinalLast} belongs to, if any. */
    public static java.util.Optional<Rule> ofTlaName(String tlaName) {
        if (tlaName == null || !tlaName.matches("SC\\d\\d_.*")) return java.util.Optional.empty();
        try {
            return java.util.Optional.of(valueOf(tlaName.substring(0, 4)));
        } catch (IllegalArgumentException unknown) {
            return java.util.Optional.empty();
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
