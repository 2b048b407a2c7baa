package org.sinkcheck.kit.run;

import java.util.List;
import java.util.Optional;
import org.sinkcheck.model.Action;
import org.sinkcheck.model.Action.Begin;
import org.sinkcheck.model.Action.Cancel;
import org.sinkcheck.model.Action.InCallback;
import org.sinkcheck.model.Action.Complete;
import org.sinkcheck.model.Action.Deliver;
import org.sinkcheck.model.Action.Fail;
import org.sinkcheck.model.Action.ForeignHandle;
import org.sinkcheck.model.Action.ForgedHandle;
import org.sinkcheck.model.Action.Progress;
import org.sinkcheck.model.Action.StaleHandle;
import org.sinkcheck.model.Bounds;
import org.sinkcheck.model.EventKind;
import org.sinkcheck.model.ModelState;
import org.sinkcheck.model.Status;
import org.sinkcheck.model.CallHistory;
import org.sinkcheck.model.RuleChecks;
import org.sinkcheck.model.Violation;
import org.sinkcheck.rules.Operator;
import org.sinkcheck.rules.Rule;

/**
 * Which rule a difference between the sink and the model breaks. The principle: charge the difference
 * to the TLA+ operator that the <em>observed</em> step violates, as {@code RuleChecks} would judge the
 * observed state; when several do, the most specific one. The table, in the order it is applied:
 *
 * <table>
 * <caption>attribution of a difference in one step</caption>
 * <tr><th>difference</th><th>rule (operator)</th></tr>
 * <tr><td>a listener hears a call its sink does not own</td><td>SC-14 on a foreign/forged-handle step, else SC-02 ({@code SC02_OwnListenerOnly})</td></tr>
 * <tr><td>an event or error report with a context no call was begun with</td><td>SC-14 on a foreign/forged-handle step, else SC-09 ({@code SC09_EventsCarryTheirCall})</td></tr>
 * <tr><td>a callback of a call starts while another of the same call runs</td><td>SC-09 ({@code SC09_SerialCallbacks})</td></tr>
 * <tr><td>a foreign or forged handle's signal is accepted or heard</td><td>SC-14 ({@code SC14_HandlesBound})</td></tr>
 * <tr><td>a stale handle's signal is heard: object/progress after cancelled; a final after a final; anything after completed/failed</td><td>SC-04; SC-05; SC-03</td></tr>
 * <tr><td>a stale handle's signal is accepted though nothing is heard</td><td>SC-14</td></tr>
 * <tr><td>a step that concerns neither the call nor its sink changes the call's events</td><td>SC-02 ({@code SC02_NeverOthers}) if it cancels another sink, else SC-09 (the event carried the wrong call)</td></tr>
 * <tr><td>a cancel of its own sink sends a finished call another final</td><td>SC-07 ({@code SC07_CancelIdempotent})</td></tr>
 * <tr><td>a signal sent after the cancel of the call's sink returned is accepted (asked before the sink settles)</td><td>SC-04 ({@code SC04_SilentAfterCancel})</td></tr>
 * <tr><td>a cancelled call hears an object or progress</td><td>SC-04 ({@code SC04_SilentAfterCancel})</td></tr>
 * <tr><td>a finished call hears a final of another kind; the same final again, or anything after completed/failed</td><td>SC-05 ({@code SC05_FinalIsForever}); SC-03 ({@code SC03_OneFinalLast})</td></tr>
 * <tr><td>a subscription (endless call) completes or fails</td><td>SC-10 ({@code SC10_EndlessEndOnlyByCancel})</td></tr>
 * <tr><td>a pending call hears two finals, or something after its final</td><td>SC-03</td></tr>
 * <tr><td>a final the model sends is missing or of another kind</td><td>by the step: cancel SC-01 (SC-10 {@code SC10_EveryCallEnds} for a subscription), cancel in a callback SC-16, throwing listener SC-15, complete/fail refused SC-05, else SC-03</td></tr>
 * <tr><td>a final the model does not send</td><td>on begin SC-08 ({@code SC08_FreshCallsLive}), else SC-03</td></tr>
 * <tr><td>a live call's signal refused (object, progress, complete, fail)</td><td>throwing listener SC-15, cancel in callback SC-16; else SC-08 if the call began on a sink cancelled before, else SC-12 (the provider's view is not the call's status)</td></tr>
 * <tr><td>an object or progress heard that no signal sent</td><td>SC-09</td></tr>
 * <tr><td>the number of listener errors reported differs, or the listener's exception escapes</td><td>SC-15 ({@code SC15_FaultReported})</td></tr>
 * <tr><td>the sink references more calls than are pending / fewer (unless a call of it differed above)</td><td>SC-13 ({@code SC13_NoRetention}) / SC-06 ({@code SC06_NoLostCall})</td></tr>
 * <tr><td>once a behaviour was played, a finished call's context or delivered object stays strongly reachable (with the sinks alive)</td><td>SC-13 ({@code SC13_NoRetention})</td></tr>
 * <tr><td>the provider's view is not "cancelled" exactly when the call is (unless the call differed above)</td><td>SC-08 on begin, else SC-12 ({@code SC12_ProviderTold})</td></tr>
 * <tr><td>an operation throws</td><td>cancel: SC-07 if the sink was idle, else SC-01; cancel in a callback SC-16; begin SC-08; handle probes SC-14; signals SC-12</td></tr>
 * <tr><td>anything, in a replay whose listeners throw from every final, that passed with quiet listeners</td><td>SC-15</td></tr>
 * </table>
 */
final class Attribution {
    private Attribution() {}

    /** A listener heard of a call its sink does not own: SC-14 if a foreign or forged handle let it in. */
    static Violation foreignListener(Action step, int sink, int call, ModelState after, List<EventKind> heard) {
        String owner = after.owner(call) == ModelState.NO_SINK ? "no sink (not begun)" : Bounds.sinkName(after.owner(call));
        String what = "the listener of " + Bounds.sinkName(sink) + " heard " + heard + " of "
                + Bounds.callName(call) + ", a call of " + owner;
        return isForeignOrForged(step) ? found(Operator.SC14_HandlesBound, what + ", through a handle it did not issue")
                : found(Operator.SC02_OwnListenerOnly, what);
    }

    static Violation stray(Action step, String what) {
        return isForeignOrForged(step) ? found(Operator.SC14_HandlesBound, what) : found(Operator.SC09_EventsCarryTheirCall, what);
    }

    static Violation overlap(String what) {
        return found(Operator.SC09_SerialCallbacks, what);
    }

    /**
     * The owner's listener heard {@code seen} of {@code call} in this step where the model has it hear
     * {@code expected}; {@code history} is everything the call's observers saw, this step included.
     * What one call's history shows is {@link CallHistory#violation()}'s to name; the step decides only
     * what a history cannot show (which step concerned the call, what the model expected).
     */
    static Violation ownEvents(Action step, ModelState before, int call, List<EventKind> expected,
                               List<EventKind> seen, CallHistory history, boolean refused, boolean bornAfterCancel, Bounds bounds) {
        String c = Bounds.callName(call);
        String what = "the listener heard " + seen + " of " + c + " where the model hears " + expected
                + " (" + c + " was " + before.status(call).tla() + ")";
        if (isForeignOrForged(step)) return found(Operator.SC14_HandlesBound, what);
        if (!(step instanceof StaleHandle) && !concerns(step, before, call)) {
            return RuleChecks.cancelledSink(before, step) >= 0 ? found(Operator.SC02_NeverOthers, what)
                    : found(Operator.SC09_EventsCarryTheirCall, what);
        }
        Optional<Violation> judged = history.violation();
        if (judged.isPresent()) return new Violation(judged.get().operator(), what);
        EventKind expectedFinal = expected.stream().filter(EventKind::isFinal).findFirst().orElse(null);
        EventKind seenFinal = seen.stream().filter(EventKind::isFinal).findFirst().orElse(null);
        if (expectedFinal != seenFinal) {
            if (expectedFinal == null) return step instanceof Begin ? found(Operator.SC08_FreshCallsLive, what) : found(Operator.SC03_OneFinalLast, what);
            return missingFinal(step, call, refused, bounds, what);
        }
        long expectedSignals = expected.stream().filter(e -> !e.isFinal()).count();
        long seenSignals = seen.stream().filter(e -> !e.isFinal()).count();
        if (seenSignals < expectedSignals) return refusedSignal(step, bornAfterCancel, what);
        return found(Operator.SC09_EventsCarryTheirCall, what);
    }

    /** Who, besides the provider, ended {@code call} in this step, as a history says it. */
    static CallHistory.Cause cause(Action step, int call) {
        if (throwsInCallback(step)) return CallHistory.Cause.ITS_LISTENER_THREW;
        if (cancelsInCallback(step)) {
            // in its own onCancelled the call was cancelled by its sink's cancel, from outside, before
            boolean ownCallback = step.call() == call && ((InCallback) step).callback() != EventKind.CANCELLED;
            return ownCallback ? CallHistory.Cause.CANCELLED_FROM_ITS_CALLBACK : CallHistory.Cause.SINK_CANCELLED_FROM_A_CALLBACK;
        }
        return step instanceof Cancel ? CallHistory.Cause.SINK_CANCELLED : CallHistory.Cause.NONE;
    }

    /** The listener throws from a callback in this step (CancelAll.tla's {@code ListenerThrows}, or beyond it). */
    static boolean throwsInCallback(Action step) {
        return step instanceof InCallback cb && !cb.cancels();
    }

    /** The listener cancels its sink from inside a callback in this step ({@code CancelInCallback}, or beyond it). */
    static boolean cancelsInCallback(Action step) {
        return step instanceof InCallback cb && cb.cancels();
    }

    /** A final the model sends is missing or of another kind, and the history names no rule: the step does. */
    private static Violation missingFinal(Action step, int call, boolean refused, Bounds bounds, String what) {
        if (step instanceof Cancel) {
            return bounds.isEndless(call) ? found(Operator.SC10_EveryCallEnds, what) : found(Operator.SC01_ScopeAll, what);
        }
        if (cancelsInCallback(step)) return found(Operator.SC16_CancelInCallbackTakesEffect, what);
        if (throwsInCallback(step)) return found(Operator.SC15_FaultReported, what);
        if ((step instanceof Complete || step instanceof Fail) && refused) return found(Operator.SC05_FinalIsForever, what);
        return found(Operator.SC03_OneFinalLast, what);
    }

    /** A live call's own signal was refused. */
    static Violation refusedSignal(Action step, boolean bornAfterCancel, String what) {
        if (throwsInCallback(step)) return found(Operator.SC15_FaultReported, what);
        if (cancelsInCallback(step)) return found(Operator.SC16_CancelInCallbackTakesEffect, what);
        return bornAfterCancel ? found(Operator.SC08_FreshCallsLive, what) : found(Operator.SC12_ProviderTold, what);
    }

    /** A signal sent after the cancel of its call's sink returned was accepted (before the sink settled). */
    static Violation acceptedAfterCancel(String what) {
        return found(Operator.SC04_SilentAfterCancel, what);
    }

    /** A probe with a stale, foreign or forged handle was accepted, and nothing else gave it away. */
    static Violation acceptedProbe(String what) {
        return found(Operator.SC14_HandlesBound, what);
    }

    static Violation errorsReported(String what) {
        return found(Operator.SC15_FaultReported, what);
    }

    static Violation retention(int sink, int seen, int expected) {
        String what = Bounds.sinkName(sink) + " references " + seen + " call(s) where " + expected + " are pending";
        return seen > expected ? found(Operator.SC13_NoRetention, what) : found(Operator.SC06_NoLostCall, what);
    }

    /** Once a behaviour was played, finished calls' contexts or objects stayed strongly reachable ({@link Reachability}). */
    static Violation reachable(String what) {
        return found(Operator.SC13_NoRetention, what);
    }

    static Violation providerView(Action step, int call, boolean seesCancelled) {
        String what = "the provider of " + Bounds.callName(call) + (seesCancelled ? " is told it was cancelled, but it is not"
                : " is not told it was cancelled");
        return step instanceof Begin && seesCancelled ? found(Operator.SC08_FreshCallsLive, what) : found(Operator.SC12_ProviderTold, what);
    }

    static Violation threw(Action step, ModelState before, String what) {
        if (step instanceof Cancel cancel) {
            return before.pendingOf(cancel.sink()).isEmpty()
                    ? found(Operator.SC07_CancelIdempotent, "cancel of an idle sink threw " + what)
                    : found(Operator.SC01_ScopeAll, "cancel threw " + what);
        }
        if (cancelsInCallback(step)) return found(Operator.SC16_CancelInCallbackTakesEffect, "cancel from inside a callback threw " + what);
        if (throwsInCallback(step)) return found(Operator.SC15_FaultReported, "the sink let the listener's exception out: " + what);
        if (step instanceof Begin) return found(Operator.SC08_FreshCallsLive, "begin threw " + what);
        if (step instanceof StaleHandle || isForeignOrForged(step)) return found(Operator.SC14_HandlesBound, "a handle probe threw " + what);
        Violation signal = CallHistory.of(List.of()).signalThrew(true).violation().orElseThrow();
        return new Violation(signal.operator(), "a provider signal threw " + what + " (" + signal.detail() + ")");
    }

    /** A difference that shows only while the listener throws from its final callbacks: SC-15's. */
    static Violation onlyWithThrowingFinals(Violation d) {
        String also = d.rule() == Rule.SC15 ? "" : " (so " + d.rule().id() + " breaks too)";
        return found(Operator.SC15_FaultReported, "with a listener throwing from its finals, " + d.detail() + also);
    }

    /** Whether the step is about {@code call}: begins, signals or probes it through its own handle, or cancels its sink. */
    static boolean concerns(Action step, ModelState before, int call) {
        if (!(step instanceof ForeignHandle) && step.call() == call) return true;
        int cancelled = RuleChecks.cancelledSink(before, step);
        return cancelled >= 0 && cancelled == before.owner(call);
    }

    static boolean isForeignOrForged(Action step) {
        return step instanceof ForeignHandle || step instanceof ForgedHandle;
    }

    private static Violation found(Operator operator, String detail) {
        return new Violation(operator, detail);
    }
}
