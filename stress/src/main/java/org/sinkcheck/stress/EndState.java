package org.sinkcheck.stress;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import org.sinkcheck.kit.Capability;
import org.sinkcheck.kit.Settling;
import org.sinkcheck.model.CallHistory;
import org.sinkcheck.model.EventKind;
import org.sinkcheck.model.ProviderAnswers;
import org.sinkcheck.model.Violation;
import org.sinkcheck.rules.Operator;

/**
 * The arbiter shared by every race: grades the end state once all actors have returned, and turns it
 * into one jcstress outcome.
 *
 * <p>First the quiet state is read: what each call heard, what the provider was told, what each sink
 * still references. That gives the race's <em>story</em>, e.g. {@code a1:object+cancelled/b1:live}
 * (each call's events in the order its callbacks started; {@code live} = no final yet). Then every
 * sink is cancelled once more, the sweep: a call the race left live must end now, or it was lost
 * (SC-06). The outcome is the story when every check holds, and otherwise the first broken rule in
 * rule order, as {@code SC-nn:where:what} ({@link Race#outcome}). The tests list the stories they allow;
 * anything else is FORBIDDEN.
 *
 * <p>Checks needing a capability the adapter does not declare (provider told, retention) are skipped.
 */
final class EndState {
    private final Race race;
    private final List<Violation> violations = new ArrayList<>();
    private final String story;

    /** Grades {@code race}, whose threads have all returned. Grading cancels every sink: grade a race once. */
    EndState(Race race) {
        this.race = race;
        race.awaitTheEventLoop();
        for (RaceCall call : race.calls) violations.addAll(call.acceptedAfterCancelReturned);
        settle("the race's actors returned");
        violations.addAll(race.strays);
        story = story();
        for (RaceCall call : race.calls) checkQuiet(call);
        for (int s = 0; s < race.sinks.size(); s++) checkReferences(s, false);
        List<RaceCall> liveBeforeSweep = new ArrayList<>();
        for (RaceCall call : race.calls) if (call.handle != null && CallHistory.of(call.heard()).firstFinal() == null) liveBeforeSweep.add(call);
        for (Object sink : race.sinks) race.adapter.cancel(sink);
        settle("the sweep's cancel of every sink");
        for (RaceCall call : liveBeforeSweep) checkSwept(call);
        for (int s = 0; s < race.sinks.size(); s++) checkReferences(s, true);
    }

    /** The first broken rule, in rule order, if any. */
    Optional<Violation> violation() {
        return violations.stream().min(Comparator.comparing(Violation::rule));
    }

    /** The jcstress outcome: the first broken rule, or else the race's story. */
    String verdict() {
        return violation().map(Race::outcome).orElse(story);
    }

    private String story() {
        StringJoiner story = new StringJoiner("/");
        for (RaceCall call : race.calls) {
            StringJoiner events = new StringJoiner("+", call.name + ":", "");
            List<EventKind> heard = call.heard();
            heard.forEach(e -> events.add(e.tla()));
            if (CallHistory.of(heard).firstFinal() == null) events.add("live");
            story.add(events.toString());
        }
        return story.toString();
    }

    /**
     * The call's checks before the sweep: what its history shows ({@link CallHistory#violation()}, the
     * rule every tier names for it), and what only the race shows: a cancelled call whose sink no cancel
     * of the race reached was cancelled by another sink's cancel (SC-02).
     */
    private void checkQuiet(RaceCall call) {
        EventKind fin = judge(call, causeOf(call));
        if (fin == EventKind.CANCELLED && !race.cancelReturned(call.sink) && !call.answers.signalThrew()) {
            violations.add(new Violation(Operator.SC02_NeverOthers, call.name + ":cancelled-though-" + Race.sinkName(call.sink) + "-was-not"));
        }
    }

    /**
     * Who, besides its provider, had to end {@code call} in the race: a cancel of its sink that returned,
     * if the call's begin returned before any cancel of its sink started (the begin linearized first).
     */
    private CallHistory.Cause causeOf(RaceCall call) {
        if (!call.begunBeforeAnyCancel || !race.cancelReturned(call.sink)) return CallHistory.Cause.NONE;
        return race.cancelledInsideCallback[call.sink] ? CallHistory.Cause.SINK_CANCELLED_FROM_A_CALLBACK : CallHistory.Cause.SINK_CANCELLED;
    }

    /** Adds the rule {@code call}'s history breaks, if any; returns its first final. */
    private EventKind judge(RaceCall call, CallHistory.Cause cause) {
        Boolean told = race.has(Capability.PROVIDER_TOLD) && call.handle != null
                ? race.adapter.providerSeesCancelled(race.sinks.get(call.sink), call.handle) : null;
        CallHistory history = answers(call).applyTo(CallHistory.of(call.heard()).signalsAccepted(signalsAccepted(call)))
                .cause(cause, -1).providerToldCancelled(told).overlapAt(call.overlapAt());
        history.violation().ifPresent(v -> violations.add(new Violation(v.operator(), call.name + ":" + outcomeWords(v.detail()))));
        return history.firstFinal();
    }

    /**
     * The object and progress signals of {@code call} the sink delivered. A batch the sink refused may
     * have delivered the objects before its cut, up to {@link RaceCall#objectsOfRefusedBatches} of them,
     * so what the listener heard before the final counts as delivered within that range.
     */
    private int signalsAccepted(RaceCall call) {
        List<EventKind> heard = call.heard();
        EventKind fin = CallHistory.of(heard).firstFinal();
        int beforeFinal = (int) heard.stream().takeWhile(e -> e != fin).filter(e -> !e.isFinal()).count();
        int accepted = answers(call).signalsAccepted();
        return Math.max(accepted, Math.min(beforeFinal, accepted + call.objectsOfRefusedBatches.get()));
    }

    /** A call the race left live is reachable by the next cancel, which ends it (else it was lost: SC-06), exactly once. */
    private void checkSwept(RaceCall call) {
        if (CallHistory.of(call.heard()).firstFinal() != EventKind.CANCELLED) {
            violations.add(new Violation(Operator.SC06_NoLostCall, call.name + ":lost:the-next-cancel-did-not-end-it"));
            return;
        }
        judge(call, CallHistory.Cause.SINK_CANCELLED);
    }

    /**
     * SC-13: a sink references exactly its live calls. Fewer means a live call the sink no longer knows
     * of, which the next cancel cannot reach (SC-06).
     */
    private void checkReferences(int sink, boolean afterSweep) {
        if (!race.has(Capability.RETENTION_VISIBLE)) return;
        int referenced = race.adapter.pendingCalls(race.sinks.get(sink));
        int live = 0;
        for (RaceCall call : race.callsOf(sink)) if (call.handle != null && CallHistory.of(call.heard()).firstFinal() == null) live++;
        String where = Race.sinkName(sink) + ":" + (afterSweep ? "after-the-sweep:" : "");
        if (referenced > live) {
            violations.add(new Violation(Operator.SC13_NoRetention, where + "references-" + referenced + "-calls-but-" + live + "-are-live"));
        } else if (referenced < live) {
            violations.add(new Violation(Operator.SC06_NoLostCall, where + "references-" + referenced + "-calls-but-" + live + "-are-live"));
        }
    }

    /** What the provider of {@code call} was answered: the sink's answers, or, if the adapter observes acceptance, the callbacks'. */
    private ProviderAnswers answers(RaceCall call) {
        return race.observesAcceptance ? call.observedAnswers() : call.answers;
    }

    /** Lets a sink that calls back on threads of its own run the callbacks due so far, within the kit's settle budget. */
    private void settle(String after) {
        Settling settling = Settling.after(after, Settling.DEFAULT_BUDGET);
        for (Object sink : race.sinks) race.adapter.settle(sink, settling);
    }

    /** Words as one jcstress outcome column: no spaces, no punctuation. */
    static String outcomeWords(String words) {
        return words.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
