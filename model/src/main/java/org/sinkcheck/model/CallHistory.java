package org.sinkcheck.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sinkcheck.rules.Operator;

/**
 * What the observers of one call saw, in terms every tier observes: the events its own listener heard,
 * what its provider was answered, and who else ended it or had to. {@link #violation()} is the one
 * function from such a history to the rule it breaks; the conformance kit's attribution, the stress
 * arbiter and the soak all call it, so one history is one rule in every report
 * ({@code SameHistorySameRuleTest} feeds the same histories to all three).
 *
 * <p>The decisions, in the order they are applied, and why (RULES.md's wording decides):
 * <ol>
 * <li>A provider signal through the call's own handle threw instead of answering: SC-12. The answer
 *     (accepted, or refused because the call has ended) is how the provider is told its call was
 *     cancelled (SC-12: "its handle says so and its signals are refused"); SC-14 is about handles the
 *     sink did not issue or that are stale, which is not this handle.</li>
 * <li>A callback that started while another callback of the call was still running (on another thread,
 *     or nested in it): SC-09 ({@code SC09_SerialCallbacks}), whatever it carries, unless it is a second
 *     final or an event heard before it already breaks a rule (an endless call's completed or failed,
 *     anything after the first final). The events are judged in the order their callbacks started, and
 *     at the overlapping one its overlap comes first: its signal was inside the sink while the other
 *     callback ran, so whether it comes "after" that callback is exactly what the missing serialization
 *     decided. An object that starts while {@code onCancelled} runs is SC-09, not SC-04; one that starts
 *     after {@code onCancelled} returned is SC-04 (4 below). A second final is judged as a final whatever
 *     its timing (4 and 5 below): two finals are wrong in any order and at any time.</li>
 * <li>A call that never ends on its own (endless) heard onCompleted or onFailed, first or after another
 *     final: SC-10 ("end only by cancel"), the rule of endless calls, before the general SC-03.</li>
 * <li>Something after the call's first final F. An object or progress: SC-04 after onCancelled ("no
 *     object or progress callback starts"), SC-03 after onCompleted/onFailed ("nothing follows it").
 *     onCancelled again after onCancelled: SC-07 (a cancel ends each call exactly once). onCancelled
 *     after onCompleted/onFailed: SC-05 ("a call that already has its final is never touched again":
 *     the cancel lost the race and still acted), not SC-03 (too general) nor SC-07 (about cancels of
 *     calls cancelled already). onCompleted/onFailed after F: SC-05 when the provider was answered
 *     ACCEPTED for it (two signals won), otherwise SC-03 (a final nobody sent; the same final twice).</li>
 * <li>The answers against the final: a complete (fail) accepted while another final came first: SC-05
 *     ("the others are refused"); accepted with no final heard at all: SC-03 ("every call gets exactly
 *     one final"); refused although its final came: SC-05; ended completed (failed) though no complete
 *     (fail) was sent: SC-03 ("it matches how the call ended").</li>
 * <li>Who else ended it: a cancel of its sink that returned leaves it without a final: SC-01 (SC-10
 *     {@code SC10_EveryCallEnds} for an endless call); a cancel from inside one of the sink's callbacks:
 *     SC-16. Its own listener threw (cancelled it from inside) in callback k: from k on it is cancelled,
 *     so an object or progress after k is SC-04, and a first final other than onCancelled is SC-15
 *     (SC-16).</li>
 * <li>Object and progress heard before the final against those the sink accepted: unequal is SC-09
 *     ({@code SC09_EventsCarryTheirCall}: an event carried this call's context that no accepted signal of
 *     it sent, or an accepted signal never reached it).</li>
 * <li>What the handle says at the end against the final: SC-12.</li>
 * </ol>
 * What a history cannot show stays with each tier: which other operation cancelled a call nobody
 * cancelled (the kit knows the step, the stress arbiter the other sink's cancel, the soak the timing of
 * begin and cancel), probes with foreign, forged and stale handles, pending counts, timing.
 *
 * @param heard                 the events the call's own listener heard, in the order its callbacks started
 * @param endless               the call never ends on its own (a subscription)
 * @param signalsAccepted       object and progress signals of the call's provider the sink accepted; -1 if not counted
 * @param complete              the answers to the provider's complete signals
 * @param fail                  the answers to the provider's fail signals
 * @param signalThrew           a provider signal through the call's own handle threw instead of answering
 * @param cause                 who, besides its provider, ended the call or had to
 * @param causeAt               for {@link Cause#ITS_LISTENER_THREW} and {@link Cause#CANCELLED_FROM_ITS_CALLBACK}:
 *                              the index in {@code heard} of the callback it happened in; -1 otherwise
 * @param providerToldCancelled whether the handle says "cancelled" once all is quiet; null if not observed
 * @param overlapAt             the index in {@code heard} of the first callback that started while another
 *                              callback of the call was running; -1 if none (or the tier does not observe it)
 */
public record CallHistory(List<EventKind> heard, boolean endless, int signalsAccepted, Answer complete, Answer fail,
                          boolean signalThrew, Cause cause, int causeAt, Boolean providerToldCancelled, int overlapAt) {

    /** What the provider was answered to one kind of final signal: accepted if any was, else refused if any was sent. */
    public enum Answer {
        NOT_SENT, ACCEPTED, REFUSED;

        /** This answer after one more signal of the kind, answered {@code accepted}. */
        public Answer and(boolean accepted) {
            return accepted || this == ACCEPTED ? ACCEPTED : REFUSED;
        }
    }

    /** Who, besides the call's provider, ended the call or had to. */
    public enum Cause {
        NONE,
        /** A cancel of its sink, from outside any callback, returned: the call must have a final. */
        SINK_CANCELLED,
        /** Its sink was cancelled from inside a callback of that sink: the call must have a final (SC-16). */
        SINK_CANCELLED_FROM_A_CALLBACK,
        /** Its own listener cancelled its sink from inside one of this call's callbacks: it must end cancelled. */
        CANCELLED_FROM_ITS_CALLBACK,
        /** Its own listener threw from one of this call's object or progress callbacks: it must end cancelled. */
        ITS_LISTENER_THREW
    }

    public CallHistory {
        heard = List.copyOf(heard);
        Objects.requireNonNull(complete, "complete");
        Objects.requireNonNull(fail, "fail");
        Objects.requireNonNull(cause, "cause");
        boolean inCallback = cause == Cause.ITS_LISTENER_THREW || cause == Cause.CANCELLED_FROM_ITS_CALLBACK;
        if (inCallback != (causeAt >= 0) || causeAt >= heard.size()) {
            throw new IllegalArgumentException("cause " + cause + " at " + causeAt + " of " + heard);
        }
        if (overlapAt == 0 || overlapAt < -1 || overlapAt >= heard.size()) {
            throw new IllegalArgumentException("an overlap at " + overlapAt + " of " + heard + " (the first callback overlaps none)");
        }
    }

    /** A call whose listener heard {@code heard}, with nothing else known. */
    public static CallHistory of(List<EventKind> heard) {
        return new CallHistory(heard, false, -1, Answer.NOT_SENT, Answer.NOT_SENT, false, Cause.NONE, -1, null, -1);
    }

    public CallHistory endless(boolean isEndless) {
        return new CallHistory(heard, isEndless, signalsAccepted, complete, fail, signalThrew, cause, causeAt, providerToldCancelled, overlapAt);
    }

    public CallHistory signalsAccepted(int accepted) {
        return new CallHistory(heard, endless, accepted, complete, fail, signalThrew, cause, causeAt, providerToldCancelled, overlapAt);
    }

    public CallHistory answers(Answer toComplete, Answer toFail) {
        return new CallHistory(heard, endless, signalsAccepted, toComplete, toFail, signalThrew, cause, causeAt, providerToldCancelled, overlapAt);
    }

    public CallHistory signalThrew(boolean threw) {
        return new CallHistory(heard, endless, signalsAccepted, complete, fail, threw, cause, causeAt, providerToldCancelled, overlapAt);
    }

    public CallHistory cause(Cause why, int at) {
        return new CallHistory(heard, endless, signalsAccepted, complete, fail, signalThrew, why, at, providerToldCancelled, overlapAt);
    }

    public CallHistory providerToldCancelled(Boolean told) {
        return new CallHistory(heard, endless, signalsAccepted, complete, fail, signalThrew, cause, causeAt, told, overlapAt);
    }

    public CallHistory overlapAt(int at) {
        return new CallHistory(heard, endless, signalsAccepted, complete, fail, signalThrew, cause, causeAt, providerToldCancelled, at);
    }

    /** The call's first final event, or null while it has none. */
    public EventKind firstFinal() {
        int at = firstFinalAt();
        return at < 0 ? null : heard.get(at);
    }

    /** The rule this history breaks, charged to its operator, with what was seen; empty if it breaks none. */
    public Optional<Violation> violation() {
        if (signalThrew) {
            return found(Operator.SC12_ProviderTold, "a provider signal threw instead of being accepted or refused, so its"
                    + " provider cannot tell whether the call was cancelled");
        }
        int finalAt = firstFinalAt();
        EventKind fin = finalAt < 0 ? null : heard.get(finalAt);
        if (overlapAt >= 0 && !(heard.get(overlapAt).isFinal() && finalAt < overlapAt) && firstBreachAt(finalAt) >= overlapAt) {
            return found(Operator.SC09_SerialCallbacks, heard.get(overlapAt).tla() + " (event " + (overlapAt + 1)
                    + ") started while another callback of the call was running");
        }
        if (endless) {
            for (EventKind event : heard) {
                if (event == EventKind.COMPLETED || event == EventKind.FAILED) {
                    return found(Operator.SC10_EndlessEndOnlyByCancel, "it never ends on its own but heard " + event.tla());
                }
            }
        }
        for (int i = finalAt + 1; finalAt >= 0 && i < heard.size(); i++) {
            Optional<Violation> after = afterFinal(fin, heard.get(i));
            if (after.isPresent()) return after;
        }
        for (EventKind kind : List.of(EventKind.COMPLETED, EventKind.FAILED)) {
            Answer answer = kind == EventKind.COMPLETED ? complete : fail;
            String signal = kind == EventKind.COMPLETED ? "complete" : "fail";
            if (answer == Answer.ACCEPTED && fin == null) {
                return found(Operator.SC03_OneFinalLast, "its " + signal + " was accepted but no final came");
            }
            if (answer == Answer.ACCEPTED && fin != kind) {
                return found(Operator.SC05_FinalIsForever, "its " + signal + " was accepted but it ended " + fin.tla());
            }
            if (answer == Answer.REFUSED && fin == kind) {
                return found(Operator.SC05_FinalIsForever, "its " + signal + " was refused but it ended " + fin.tla());
            }
            if (answer == Answer.NOT_SENT && fin == kind) {
                return found(Operator.SC03_OneFinalLast, "it ended " + fin.tla() + " but its provider never sent " + signal);
            }
        }
        Optional<Violation> caused = againstCause(fin, finalAt);
        if (caused.isPresent()) return caused;
        if (signalsAccepted >= 0) {
            long signalsHeard = heard.subList(0, finalAt < 0 ? heard.size() : finalAt).stream().filter(e -> !e.isFinal()).count();
            if (signalsHeard != signalsAccepted) {
                return found(Operator.SC09_EventsCarryTheirCall, "the sink accepted " + signalsAccepted
                        + " object/progress signal(s) of it but its listener heard " + signalsHeard + " with its context");
            }
        }
        if (providerToldCancelled != null && providerToldCancelled != (fin == EventKind.CANCELLED)) {
            return found(Operator.SC12_ProviderTold, providerToldCancelled
                    ? "its provider is told it was cancelled, but it " + (fin == null ? "is live" : "ended " + fin.tla())
                    : "it was cancelled, but its provider is not told");
        }
        return Optional.empty();
    }

    private Optional<Violation> afterFinal(EventKind fin, EventKind event) {
        String what = event.tla() + " after " + fin.tla();
        if (!event.isFinal()) {
            return found(fin == EventKind.CANCELLED ? Operator.SC04_SilentAfterCancel : Operator.SC03_OneFinalLast, what);
        }
        if (event == EventKind.CANCELLED) {
            return found(fin == EventKind.CANCELLED ? Operator.SC07_CancelIdempotent : Operator.SC05_FinalIsForever, what);
        }
        Answer answer = event == EventKind.COMPLETED ? complete : fail;
        boolean anotherWinner = event != fin && answer == Answer.ACCEPTED;
        return found(anotherWinner ? Operator.SC05_FinalIsForever : Operator.SC03_OneFinalLast, what);
    }

    private Optional<Violation> againstCause(EventKind fin, int finalAt) {
        switch (cause) {
            case SINK_CANCELLED:
                if (fin != null) return Optional.empty();
                return endless ? found(Operator.SC10_EveryCallEnds, "its sink's cancel returned, but it never ended")
                        : found(Operator.SC01_ScopeAll, "its sink's cancel returned, but it has no final");
            case SINK_CANCELLED_FROM_A_CALLBACK:
                return fin != null ? Optional.empty()
                        : found(Operator.SC16_CancelInCallbackTakesEffect, "its sink was cancelled from inside a callback, but it has no final");
            case CANCELLED_FROM_ITS_CALLBACK:
            case ITS_LISTENER_THREW:
                boolean threw = cause == Cause.ITS_LISTENER_THREW;
                String how = threw ? "its listener threw" : "its listener cancelled its sink from inside a callback";
                if (finalAt >= 0 && finalAt <= causeAt) return Optional.empty();   // it had ended before
                for (int i = causeAt + 1; i < heard.size() && !heard.get(i).isFinal(); i++) {
                    return found(Operator.SC04_SilentAfterCancel, heard.get(i).tla() + " after " + how + ", which cancelled it");
                }
                if (fin == EventKind.CANCELLED) return Optional.empty();
                return found(threw ? Operator.SC15_FaultReported : Operator.SC16_CancelInCallbackTakesEffect,
                        how + ", so it must end cancelled, but it " + (fin == null ? "has no final" : "ended " + fin.tla()));
            default:
                return Optional.empty();
        }
    }

    /** The first event heard that breaks a rule by what it is (an endless call's completed or failed, anything after the first final); heard.size() if none. */
    private int firstBreachAt(int finalAt) {
        for (int i = 0; i < heard.size(); i++) {
            if (finalAt >= 0 && i > finalAt) return i;
            if (endless && (heard.get(i) == EventKind.COMPLETED || heard.get(i) == EventKind.FAILED)) return i;
        }
        return heard.size();
    }

    private int firstFinalAt() {
        for (int i = 0; i < heard.size(); i++) if (heard.get(i).isFinal()) return i;
        return -1;
    }

    private Optional<Violation> found(Operator operator, String detail) {
        return Optional.of(new Violation(operator, detail + ": heard " + heard));
    }
}
