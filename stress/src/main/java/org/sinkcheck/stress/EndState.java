package org.sinkcheck.stress;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import org.sinkcheck.kit.Capability;
import org.sinkcheck.model.EventKind;
import org.sinkcheck.rules.Rule;

/**
 * The arbiter shared by every race: grades the end state once all actors have returned, and turns it
 * into one jcstress outcome.
 *
 * <p>First the quiet state is read: what each call heard, what the provider was told, what each sink
 * still references. That gives the race's <em>story</em>, e.g. {@code a1:object+cancelled/b1:live}
 * (each call's events in the order its callbacks started; {@code live} = no final yet). Then every
 * sink is cancelled once more, the sweep: a call the race left live must end now, or it was lost
 * (SC-06). The outcome is the story when every check holds, and otherwise the first broken rule in
 * rule order, as {@code SC-nn:where:what} ({@link Violation}). The tests list the stories they allow;
 * anything else is FORBIDDEN.
 *
 * <p>Checks needing a capability the adapter does not declare (provider told, retention) are skipped.
 */
final class EndState {
    private final RaceRecorder race;
    private final List<Violation> violations = new ArrayList<>();
    private final String story;

    /** Grades {@code race}, whose threads have all returned. Grading cancels every sink: grade a race once. */
    EndState(RaceRecorder race) {
        this.race = race;
        settle();
        violations.addAll(race.strays);
        story = story();
        for (RaceCall call : race.calls) checkQuiet(call);
        for (int s = 0; s < race.sinks.size(); s++) checkReferences(s, false);
        List<RaceCall> liveBeforeSweep = new ArrayList<>();
        for (RaceCall call : race.calls) if (call.handle != null && finalOf(call.heard()) == null) liveBeforeSweep.add(call);
        for (Object sink : race.sinks) race.adapter.cancel(sink);
        settle();
        for (RaceCall call : liveBeforeSweep) checkSwept(call);
        for (int s = 0; s < race.sinks.size(); s++) checkReferences(s, true);
    }

    /** The first broken rule, in rule order, if any. */
    Optional<Violation> violation() {
        return violations.stream().min(Comparator.comparing(Violation::rule));
    }

    /** The jcstress outcome: the first broken rule, or else the race's story. */
    String verdict() {
        return violation().map(Violation::toString).orElse(story);
    }

    private String story() {
        StringJoiner story = new StringJoiner("/");
        for (RaceCall call : race.calls) {
            StringJoiner events = new StringJoiner("+", call.name + ":", "");
            List<EventKind> heard = call.heard();
            heard.forEach(e -> events.add(e.tla()));
            if (finalOf(heard) == null) events.add("live");
            story.add(events.toString());
        }
        return story.toString();
    }

    /** The call's checks before the sweep: one final at most and last, answers that match it, the provider told. */
    private void checkQuiet(RaceCall call) {
        List<EventKind> heard = call.heard();
        EventKind fin = finalOf(heard);
        checkShape(call, heard);
        checkFinalMatchesAnswer(call, call.completeAccepted, EventKind.COMPLETED, fin);
        checkFinalMatchesAnswer(call, call.failAccepted, EventKind.FAILED, fin);
        long signalsHeard = heard.stream().filter(e -> !e.isFinal()).count();
        if (signalsHeard > call.signalsAccepted) {
            violations.add(new Violation(Rule.SC04, call.name + ":refused-signal-reached-the-listener"));
        }
        if (call.beganBeforeRace && race.cancelReturned(call.sink) && fin == null) {
            Rule rule = race.cancelledInsideCallback[call.sink] ? Rule.SC16 : Rule.SC01;
            violations.add(new Violation(rule, call.name + ":survived-the-cancel-of-" + RaceRecorder.sinkName(call.sink)));
        }
        if (fin == EventKind.CANCELLED && !race.cancelReturned(call.sink)) {
            violations.add(new Violation(Rule.SC02, call.name + ":cancelled-though-" + RaceRecorder.sinkName(call.sink) + "-was-not"));
        }
        checkProviderTold(call, fin);
    }

    /**
     * SC-03: at most one final, and it is the last event. After onCancelled in particular: no signal
     * (SC-04), no second onCancelled (SC-07, cancel ends each call once), no other final (SC-05).
     */
    private void checkShape(RaceCall call, List<EventKind> heard) {
        EventKind fin = null;
        for (EventKind event : heard) {
            if (fin != null) {
                Rule rule = fin != EventKind.CANCELLED ? Rule.SC03 : event == EventKind.CANCELLED ? Rule.SC07 : event.isFinal() ? Rule.SC05 : Rule.SC04;
                violations.add(new Violation(rule, call.name + ":" + event.tla() + "-after-" + fin.tla()));
            } else if (event.isFinal()) {
                fin = event;
            }
        }
    }

    /** SC-05: an accepted complete (fail) is the call's final; a refused one is not. */
    private void checkFinalMatchesAnswer(RaceCall call, Boolean accepted, EventKind asked, EventKind fin) {
        if (accepted == null) return;
        String what = asked == EventKind.COMPLETED ? "complete" : "fail";
        if (accepted && fin != asked) {
            violations.add(new Violation(Rule.SC05, call.name + ":" + what + "-accepted-but-" + (fin == null ? "live" : fin.tla())));
        } else if (!accepted && fin == asked) {
            violations.add(new Violation(Rule.SC05, call.name + ":" + what + "-refused-but-" + fin.tla()));
        }
    }

    /** SC-12: the provider sees "cancelled" exactly when the call's final is onCancelled. */
    private void checkProviderTold(RaceCall call, EventKind fin) {
        if (!race.has(Capability.PROVIDER_TOLD) || call.handle == null) return;
        boolean told = race.adapter.providerSeesCancelled(race.sinks.get(call.sink), call.handle);
        if (told != (fin == EventKind.CANCELLED)) {
            violations.add(new Violation(Rule.SC12, call.name + (told ? ":provider-told-cancelled-but-" + (fin == null ? "live" : fin.tla()) : ":provider-not-told")));
        }
    }

    /** SC-06: a call the race left live is reachable by the next cancel, which ends it exactly once. */
    private void checkSwept(RaceCall call) {
        List<EventKind> heard = call.heard();
        if (finalOf(heard) != EventKind.CANCELLED) {
            violations.add(new Violation(Rule.SC06, call.name + ":lost:the-next-cancel-did-not-end-it"));
            return;
        }
        checkShape(call, heard);
        checkProviderTold(call, EventKind.CANCELLED);
    }

    /**
     * SC-13: a sink references exactly its live calls. Fewer means a live call the sink no longer knows
     * of, which the next cancel cannot reach (SC-06).
     */
    private void checkReferences(int sink, boolean afterSweep) {
        if (!race.has(Capability.RETENTION_VISIBLE)) return;
        int referenced = race.adapter.pendingCalls(race.sinks.get(sink));
        int live = 0;
        for (RaceCall call : race.callsOf(sink)) if (call.handle != null && finalOf(call.heard()) == null) live++;
        String where = RaceRecorder.sinkName(sink) + ":" + (afterSweep ? "after-the-sweep:" : "");
        if (referenced > live) {
            violations.add(new Violation(Rule.SC13, where + "references-" + referenced + "-calls-but-" + live + "-are-live"));
        } else if (referenced < live) {
            violations.add(new Violation(Rule.SC06, where + "references-" + referenced + "-calls-but-" + live + "-are-live"));
        }
    }

    /** Lets a sink that calls back on threads of its own run the callbacks due so far. */
    private void settle() {
        for (Object sink : race.sinks) race.adapter.settle(sink);
    }

    /** The call's first final event, or null while it is live. */
    private static EventKind finalOf(List<EventKind> heard) {
        for (EventKind event : heard) if (event.isFinal()) return event;
        return null;
    }
}
