package org.sinkcheck.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.sinkcheck.model.Action;
import org.sinkcheck.model.Bounds;
import org.sinkcheck.model.CallHistory;
import org.sinkcheck.model.EventKind;
import org.sinkcheck.model.Model;
import org.sinkcheck.model.ModelState;
import org.sinkcheck.model.ProviderAnswers;
import org.sinkcheck.model.RuleChecks;
import org.sinkcheck.model.Violation;
import org.sinkcheck.reliability.ListenerPlan.Reaction;
import org.sinkcheck.rules.Operator;
import org.sinkcheck.rules.Rule;

/**
 * One call of the soak, and the online check of its events against the executable model.
 *
 * <p>Concurrent calls have no single sequential order, but each call's own events do (SC-09), so every
 * call is checked against the model restricted to that one call: a {@link Model} with one sink, one
 * call and the call's own signal budget. Each event the owner's listener hears is mapped to the model
 * action that produces it ({@code object} → {@code Deliver}, {@code cancelled} → {@code Cancel}, a
 * throwing object callback → {@code ListenerThrows}, ...); the action must be enabled in the observed
 * state, must append exactly that event to the call's {@code heard}, and the successor must satisfy
 * {@link RuleChecks#step} and {@link RuleChecks#invariants}. The model's enabling conditions are the
 * per-call automaton: objects and progress, then exactly one final, then nothing; no complete or fail
 * for an endless call; no more signals than the provider sent (a refused one reached the listener: SC-14).
 *
 * <p>When both the final and the provider's last signal are known, the call is <em>retired</em>: its
 * final must match the provider's view (its complete or fail was accepted, or it was refused because
 * the call was cancelled: SC-05), and its listener must have heard exactly the signals the sink accepted.
 *
 * <p>Listener-side fields are guarded by {@code this}; provider-side fields are written only by the one
 * provider thread of the call and published by the volatile {@link #providerDone}.
 */
final class SoakCall {
    /** Models by [endless][signal budget]: one sink, one call. */
    private static final Model[][] MODELS = new Model[2][SoakPlan.MAX_SIGNALS + 1];

    static {
        for (int endless = 0; endless < 2; endless++) {
            for (int signals = 0; signals <= SoakPlan.MAX_SIGNALS; signals++) {
                MODELS[endless][signals] = new Model(new Bounds(1, 1, endless == 1 ? Set.of(0) : Set.of(), signals));
            }
        }
    }

    final long id;
    final SoakSink<?, ?> home;
    final SoakPlan plan;
    private final Model model;

    /** {@link SoakSink#cancelsStartedIfNoneActive()} just before {@code begin}: -1 if a cancel was running. */
    final long cancelsStartedAtBegin;

    /** The run's clock just after {@code begin} returned; events may arrive before it is set. */
    volatile long beganAt = Long.MAX_VALUE;

    // Provider side: written by the provider thread only.
    volatile boolean providerInSignal;
    /** The provider thread while it is inside a call into the sink, else null. */
    volatile Thread signaller;
    volatile boolean providerDone;
    /** The provider has sent its complete or fail (raised before sending it), and the sink accepted it. */
    volatile boolean finalSent;
    volatile boolean finalAccepted;
    int signalsSent;
    final ProviderAnswers answers = new ProviderAnswers();

    // Listener side.
    private final AtomicBoolean inCallback = new AtomicBoolean();
    volatile boolean finalHeard;
    private ModelState observed;
    /** What the listener heard, in order; {@code observed} may be ahead of it by the listener's own reaction. */
    private final List<EventKind> heard = new ArrayList<>();
    /** Where in {@code heard} the callback running now started. */
    private int enteredAt;
    /** Where in {@code heard} the first callback that started while another of this call ran is; -1 if none. */
    private int overlapAt = -1;
    /** Where in {@code heard} the listener threw or cancelled from an object or progress callback; -1 if it did not. */
    private int reactedAt = -1;
    private int heardCount;
    private int lateSignals;
    /** The listener's one throw or cancel in this call, if it reacted yet; the model may then be ahead of the events. */
    private Reaction reactedWith = Reaction.NONE;
    /** The listener reacted in a callback run by the sink on another thread than inside the provider's signal. */
    private boolean reactedOffTheProvidersSignal;
    /** When the final event was heard, the provider had sent its complete or fail. */
    private boolean finalSentBeforeFinalHeard;
    private boolean condemned;
    /** The model could not produce an event: the history names the rule once the provider's answers are known. */
    private boolean judgeAtRetirement;
    private boolean retired;

    SoakCall(long id, SoakSink<?, ?> home, SoakPlan plan) {
        this.id = id;
        this.home = home;
        this.plan = plan;
        this.cancelsStartedAtBegin = home.cancelsStartedIfNoneActive();
        this.model = MODELS[plan.endless() ? 1 : 0][plan.signals()];
        this.observed = model.apply(model.initial(), new Action.Begin(0, 0));
    }

    /**
     * A callback of this call starts with {@code event}: files it in the order callbacks start, and enters
     * it. False if another callback of the call is running: then it is the call's overlap, which its
     * history judges when the call retires ({@link CallHistory#violation()}: SC-09 unless it is a second
     * final, judged as a final), and the listener does nothing in it.
     */
    synchronized boolean enterCallback(EventKind event) {
        heard.add(event);
        if (inCallback.compareAndSet(false, true)) {
            enteredAt = heard.size() - 1;
            return true;
        }
        if (overlapAt < 0) overlapAt = heard.size() - 1;
        if (event.isFinal() && !finalHeard) finalSentBeforeFinalHeard = finalSent;
        if (event.isFinal()) finalHeard = true;
        condemned = true;
        judgeAtRetirement = true;
        return false;
    }

    void exitCallback() { inCallback.set(false); }

    boolean inCallback() { return inCallback.get(); }

    /**
     * The owner's listener heard {@code event}: steps the per-call model and returns what the listener
     * does now. A call that broke a rule once is reported once, not once per later event.
     */
    synchronized Reaction hear(EventKind event, ViolationLog log) {
        Reaction reaction = plan.listener().reactionTo(event, reactedWith != Reaction.NONE);
        if (reaction == Reaction.THROW || reaction == Reaction.CANCEL) {
            reactedWith = reaction;
            if (!event.isFinal()) {
                reactedAt = enteredAt;
                reactedOffTheProvidersSignal = signaller != Thread.currentThread();
            }
        }
        if (event.isFinal() && !finalHeard) finalSentBeforeFinalHeard = finalSent;
        if (event.isFinal()) finalHeard = true;
        if (!condemned) condemnIf(step(event, reaction), log);
        if (judgeAtRetirement && retired) reportHistory(log);   // heard after it retired: its provider is done
        return reaction;
    }

    /**
     * An object or progress callback started after a cancel of this call's sink, begun after this call,
     * had returned. SC-04 allows one such callback per call (the one in flight at the cancel), never two.
     */
    synchronized void lateSignal(ViolationLog log) {
        if (++lateSignals > 1 && !condemned) {
            condemnIf(List.of(new Violation(Operator.SC04_InFlight, name() + " got " + lateSignals
                    + " object/progress callbacks after a cancel of " + home.name() + " that it predates had returned; at most one may be in flight")), log);
        }
    }

    /** After an overlapping callback: its history is judged now if the call had retired already, else when it retires. */
    synchronized void afterOverlap(ViolationLog log) {
        if (retired) reportHistory(log);
        else tryRetire(log);
    }

    /** Retires the call once its final was heard, its callbacks returned and its provider is done. */
    synchronized void tryRetire(ViolationLog log) {
        if (retired || !finalHeard || inCallback.get() || !providerDone) return;
        retired = true;
        home.live.remove(this);
        if (!condemned || judgeAtRetirement) reportHistory(log);
    }

    /** At the drain, for a call that never retired: the judgement it was waiting for, if any. */
    synchronized void reportPendingJudgement(ViolationLog log) {
        if (judgeAtRetirement) reportHistory(log);
    }

    /**
     * What this call's history breaks ({@link CallHistory#violation()}, the rule every tier names for it),
     * once its provider is done (its answers are then known). A call the model could not follow breaks
     * something: what the history does not show is a signal no provider of it sent, i.e. one of the
     * soak's foreign or stale probes that reached its listener (SC-14).
     */
    synchronized void reportHistory(ViolationLog log) {
        judgeAtRetirement = false;
        CallHistory.Cause cause = reactedAt < 0 || decidedBeforeTheReaction() ? CallHistory.Cause.NONE
                : reactedWith == Reaction.THROW ? CallHistory.Cause.ITS_LISTENER_THREW : CallHistory.Cause.CANCELLED_FROM_ITS_CALLBACK;
        CallHistory history = answers.applyTo(CallHistory.of(heard).endless(plan.endless())
                .signalsAccepted(providerDone ? answers.signalsAccepted() : -1)).cause(cause, cause == CallHistory.Cause.NONE ? -1 : reactedAt).overlapAt(overlapAt);
        Optional<Violation> broken = history.violation();
        if (broken.isPresent()) {
            log.report(new Violation(broken.get().operator(), name() + ": " + broken.get().detail()));
        } else if (condemned && !decidedBeforeTheReaction()) {   // else the model followed the reaction the sink outran
            log.report(new Violation(Operator.SC14_HandlesBound, name() + " heard " + heard + ", more object/progress events than the "
                    + plan.signals() + " its provider sent: a signal the sink had to refuse reached its listener"));
        }
    }

    /**
     * Whether the provider's complete or fail may have been decided before the sink acted on the listener's
     * throw or cancel. A sink calling back on its own threads runs an object's callback after its signal
     * returned, so the provider may send its final while the callback reacts, and the sink may decide it
     * before it acts on the reaction: both orders are correct. The sink has decided by the time it sends
     * the final, so this holds when the reacting callback ran outside the provider's signal, the provider
     * had sent its final before the final was heard, and the sink accepted it. A callback run inside the
     * provider's own signal (the caller's-thread designs) reacts before the provider can send anything,
     * so this never excuses a reaction there.
     */
    private boolean decidedBeforeTheReaction() {
        return reactedOffTheProvidersSignal && finalSentBeforeFinalHeard && finalAccepted;
    }

    /** Whether this call's own listener has thrown or cancelled (before the final, that ends the call). */
    synchronized boolean endedByItsListener() { return reactedWith != Reaction.NONE; }

    boolean retired() {
        synchronized (this) {
            return retired;
        }
    }

    String name() { return "call #" + id + " of " + home.name() + (plan.endless() ? " (endless)" : ""); }

    private void condemnIf(List<Violation> found, ViolationLog log) {
        if (found.isEmpty()) return;
        condemned = true;
        log.reportAll(found);
    }

    private List<Violation> step(EventKind event, Reaction reaction) {
        List<EventKind> expected = observed.heardOf(0);
        if (heardCount < expected.size()) {   // the model's action already produced this event
            if (expected.get(heardCount) != event) return notEnabled();
            heardCount++;
            return List.of();
        }
        for (Action action : actionsFor(event, reaction)) {
            if (!model.isEnabled(observed, action)) return notEnabled();
            ModelState next = model.apply(observed, action);
            List<Violation> found = new ArrayList<>(RuleChecks.step(observed, action, next));
            found.addAll(RuleChecks.invariants(model.bounds(), next));
            observed = next;
            if (!found.isEmpty()) return found;
        }
        List<EventKind> produced = observed.heardOf(0);
        if (produced.size() <= heardCount || produced.get(heardCount) != event) return notEnabled();
        heardCount++;
        return List.of();
    }

    /** The model cannot produce the event just heard: the call is condemned, and judged when it retires. */
    private List<Violation> notEnabled() {
        condemned = true;
        judgeAtRetirement = true;
        return List.of();
    }

    /**
     * The model actions that produce {@code event} with the listener's reaction. The model throws and
     * cancels only from object callbacks; from a progress callback the same effect (this call ends
     * cancelled) is the progress step followed by {@code Cancel}, which in a one-call model ends this call.
     */
    private static List<Action> actionsFor(EventKind event, Reaction reaction) {
        boolean endsCall = reaction == Reaction.THROW || reaction == Reaction.CANCEL;
        switch (event) {
            case OBJECT:
                if (reaction == Reaction.THROW) return List.of(new Action.ListenerThrows(0));
                if (reaction == Reaction.CANCEL) return List.of(new Action.CancelInCallback(0));
                return List.of(new Action.Deliver(0));
            case PROGRESS:
                return endsCall ? List.of(new Action.Progress(0), new Action.Cancel(0)) : List.of(new Action.Progress(0));
            case COMPLETED: return List.of(new Action.Complete(0));
            case FAILED: return List.of(new Action.Fail(0));
            default: return List.of(new Action.Cancel(0));
        }
    }

}
