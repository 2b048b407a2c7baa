package org.sinkcheck.kit.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sinkcheck.kit.Adapters;
import org.sinkcheck.kit.Capability;
import org.sinkcheck.kit.SettleTimeoutException;
import org.sinkcheck.kit.Settling;
import org.sinkcheck.kit.SinkAdapter;
import org.sinkcheck.model.Action;
import org.sinkcheck.model.Action.Begin;
import org.sinkcheck.model.Action.Cancel;
import org.sinkcheck.model.Action.CancelInFinal;
import org.sinkcheck.model.Action.Complete;
import org.sinkcheck.model.Action.Deliver;
import org.sinkcheck.model.Action.Fail;
import org.sinkcheck.model.Action.ForeignHandle;
import org.sinkcheck.model.Action.ForgedHandle;
import org.sinkcheck.model.Action.InCallback;
import org.sinkcheck.model.Action.Progress;
import org.sinkcheck.model.Action.StaleHandle;
import org.sinkcheck.model.Bounds;
import org.sinkcheck.model.CallHistory;
import org.sinkcheck.model.EventKind;
import org.sinkcheck.model.Model;
import org.sinkcheck.model.ModelState;
import org.sinkcheck.model.RuleChecks;
import org.sinkcheck.model.Status;
import org.sinkcheck.model.Violation;
import org.sinkcheck.rules.Rule;

/**
 * One behaviour of the model played against a fresh set of the adapter's sinks, step by step, in
 * lock-step with the model. After every step it compares what the sinks showed — each listener's
 * events per call, the accepted/refused answer of each signal, the listener errors reported, and where
 * the adapter can show them the sinks' pending counts and the providers' views — with the model's
 * successor state, and charges each difference to a rule ({@link Attribution}).
 *
 * <p>The first step that differs ends the run: after it, the sink and the model no longer share a
 * state, and what follows would be noise. Except for a declared deviation ({@link Deviations}): a step
 * with a difference charged to a rule the user declared the sink breaks by design is noted, and the run
 * goes on from the model's state that matches everything the sinks show (events, pending counts, errors
 * reported; a state that explains the step's other differences too) — the step's own successor or one more
 * model action after it (for a sink whose cancel is terminal: the begin, then a cancel of its sink) —
 * if there is one; the rest of the behaviour is played from there, skipping the actions that state
 * does not enable. No such state, and the deviation ends the run as any difference does. However the run ends, every sink it made is handed to
 * {@link SinkAdapter#dispose} once, and the run keeps none of them.
 *
 * <p>Settling: after each action every sink settles within one {@link Settling} budget. A settle that
 * runs out is judged with the rest of the step: a difference from the model is charged to its rule, with
 * the timeout said in its detail; no difference means the adapter waited for something the sink need
 * not do, an error of the adapter ({@link SettleTimeoutException}), not a verdict on the sink.
 *
 * <p>Acceptance: an adapter that {@linkplain SinkAdapter#observesAcceptance observes acceptance} gets its
 * signals' answers replaced, once settled, by whether the listener heard each signal's callback in the
 * step; everything downstream judges those answers as it judges given ones.
 *
 * @param <S> the author's sink type
 * @param <H> the author's handle type
 */
final class Run<S, H> {

    /**
     * How a behaviour went: the number of steps taken, and the violations of the last one (none: it
     * passed); the declared deviations played past, and the actions not played after them (their
     * indices); if disposing of a sink threw, the first such error in one line (else null); and, with duplicate
     * contexts, each call begun with another call's very context object, with that call; and the time the
     * reachability check took (0 if none ran).
     */
    record Outcome(int steps, List<Violation> violations, List<Deviated> deviations, BitSet skipped, String disposeError,
                   Map<Integer, Integer> sharedContexts, long reachabilityNanos) {
        boolean passed() { return violations.isEmpty() && deviations.isEmpty(); }

        /** The rules broken: those that ended the run, and the declared deviations it played past. */
        Set<Rule> broken() {
            Set<Rule> out = EnumSet.noneOf(Rule.class);
            violations.forEach(v -> out.add(v.rule()));
            deviations.forEach(d -> out.add(d.violation().rule()));
            return out;
        }
    }

    /**
     * A declared deviation the run played past: its difference, at action {@code steps} (1-based), and the
     * model action after which the run went on ({@code null}: the step's own successor matched).
     */
    record Deviated(int steps, Violation violation, Action resumedAfter) {}

    private static final Throwable PROVIDER_ERROR = new RuntimeException("the provider failed the call (kit)", null, false, false) {};

    private final SinkAdapter<S, H> adapter;
    private final Setup setup;
    private final Duration settleBudget;
    private final boolean observesAcceptance;
    private final Model model;
    private final Bounds bounds;
    private final Set<Capability> capabilities;
    private final List<S> sinks = new ArrayList<>();
    /** Per sink, its listener; sinks sharing a listener have the same one. */
    private final List<ScriptedListener> recorders = new ArrayList<>();
    /** Each listener once. */
    private final List<ScriptedListener> listeners = new ArrayList<>();
    /** What the run's contexts name it by ({@link CallContext}): an identity, nothing else. */
    private final Object identity = new Object();
    /** Weak references to what the run handed the sinks; judged at the end when the setup asks ({@link Reachability}). */
    private final Reachability reachability;
    /** Whether the adapter waited on a settle: the sink calls back on threads of its own (Settling.waited). */
    private boolean callbacksOnOwnThreads;
    private final List<H> handles = new ArrayList<>();
    /** Per call, its context; dropped with the handles before reachability is judged. */
    private final CallContext[] contexts;
    /** With duplicate contexts: each call begun with another's context object, and that other call. */
    private final Map<Integer, Integer> sharedContexts = new LinkedHashMap<>();
    private final boolean[] sinkCancelled;
    private final boolean[] bornAfterCancel;
    /** Per call, what its own provider was answered: object/progress signals accepted, completes, fails. */
    private final int[] signalsAccepted;
    private final CallHistory.Answer[] completeAnswers;
    private final CallHistory.Answer[] failAnswers;
    private final boolean[] signalThrew;
    private final boolean throwFromFinals;
    private final boolean signalAfterCancel;
    /** The calls whose signal, sent after their sink's cancel returned, was accepted in this step. */
    private final BitSet acceptedAfterCancel = new BitSet();
    /** With observed acceptance: the calls signalled after their sink's cancel returned, in this step. */
    private final BitSet probedAfterCancel = new BitSet();
    private ModelState state;

    private Run(SinkAdapter<S, H> adapter, Model model, Set<Capability> capabilities, Setup setup, Duration settleBudget) {
        this.adapter = adapter;
        this.setup = setup;
        this.settleBudget = settleBudget;
        this.observesAcceptance = adapter.observesAcceptance();
        this.model = model;
        this.bounds = model.bounds();
        this.capabilities = capabilities;
        this.throwFromFinals = setup.throwFromFinals();
        this.signalAfterCancel = setup.signalAfterCancel();
        this.sinkCancelled = new boolean[bounds.sinks()];
        this.contexts = new CallContext[bounds.calls()];
        this.bornAfterCancel = new boolean[bounds.calls()];
        this.signalsAccepted = new int[bounds.calls()];
        this.completeAnswers = new CallHistory.Answer[bounds.calls()];
        this.failAnswers = new CallHistory.Answer[bounds.calls()];
        this.signalThrew = new boolean[bounds.calls()];
        Arrays.fill(completeAnswers, CallHistory.Answer.NOT_SENT);
        Arrays.fill(failAnswers, CallHistory.Answer.NOT_SENT);
        this.state = model.initial();
        this.reachability = setup.reachability() ? new Reachability(bounds) : null;
        for (int c = 0; c < bounds.calls(); c++) handles.add(null);
    }

    /** Makes the sinks, each with its listener; those made before a {@code newSink} that throws are disposed of all the same. */
    private void open() {
        for (int s = 0; s < bounds.sinks(); s++) {
            boolean shares = setup.sharedListeners() && s % 2 == 1;
            ScriptedListener recorder = shares ? recorders.get(s - 1) : new ScriptedListener(identity, bounds.calls(), throwFromFinals);
            if (!shares) listeners.add(recorder);
            recorders.add(recorder);
            sinks.add(adapter.newSink(recorder));
        }
    }

    /** Hands every sink made to {@link SinkAdapter#dispose}, each once, and lets go of them; the first error, in one line, or null. */
    private String dispose() {
        String first = null;
        for (S sink : sinks) {
            try {
                adapter.dispose(sink);
            } catch (RuntimeException | LinkageError e) {
                if (first == null) first = Adapters.oneLine(e);
            }
        }
        sinks.clear();
        handles.clear();
        return first;
    }

    /**
     * Plays {@code actions} (each enabled in the model in turn) on fresh sinks of {@code adapter}, their
     * listeners and providers set up as {@code setup} says. {@code tally}, if not null, counts per rule (by
     * ordinal) the steps that exercised it.
     */
    static <S, H> Outcome play(SinkAdapter<S, H> adapter, Model model, List<Action> actions, Setup setup,
                               Duration settleBudget, long[] tally) {
        return play(adapter, model, actions, null, setup, settleBudget, Deviations.none(), tally, null, Reachability.Patience.perRun());
    }

    /**
     * As above, with the model's states after each action already known ({@code states.get(i)} after
     * action i), and playing past {@code deviations}; {@code stepNanos}, if not null, gets the time each action
     * took, its settle and judgement included (what the budget measurement adds up by walk phase); {@code patience}
     * is the conformance run's, shared by all its behaviours (Reachability.Patience).
     */
    static <S, H> Outcome play(SinkAdapter<S, H> adapter, Model model, List<Action> actions, List<ModelState> states,
                               Setup setup, Duration settleBudget, Deviations deviations, long[] tally, long[] stepNanos,
                               Reachability.Patience patience) {
        Run<S, H> run = new Run<>(adapter, model, adapter.capabilities(), setup, settleBudget);
        int steps = actions.size();
        List<Violation> found = List.of();
        Map<Rule, Deviated> deviated = new EnumMap<>(Rule.class);
        BitSet skipped = new BitSet();
        String disposeError;
        long reachabilityNanos = 0;
        try {
            run.open();
            for (int i = 0; i < actions.size() && found.isEmpty(); i++) {
                Action action = actions.get(i);
                // past a deviation the precomputed states are another behaviour's, and not every action is enabled
                if (!deviated.isEmpty() && !model.isEnabled(run.state, action)) {
                    skipped.set(i);
                    continue;
                }
                long began = stepNanos == null ? 0 : System.nanoTime();
                Set<Rule> exercised = EnumSet.noneOf(Rule.class);
                ModelState after = states == null || !deviated.isEmpty() ? model.apply(run.state, action) : states.get(i);
                found = run.step(action, after, exercised);
                if (stepNanos != null) stepNanos[i] = System.nanoTime() - began;
                if (tally != null) for (Rule rule : exercised) tally[rule.ordinal()]++;
                steps = i + 1;
                if (found.stream().anyMatch(v -> deviations.declares(v.rule()))) {
                    // the other differences of the step may be the same one seen against the wrong state: the
                    // state it resumes from must match everything the sinks show, errors reported included
                    Resumed resumed = run.resume(after);
                    if (resumed != null) {
                        for (Violation v : found) {
                            if (deviations.declares(v.rule())) deviated.putIfAbsent(v.rule(), new Deviated(steps, v, resumed.after()));
                        }
                        found = List.of();
                    }
                }
            }
            if (found.isEmpty() && run.reachability != null) {
                long began = System.nanoTime();
                found = run.judgeReachability(tally, patience);
                reachabilityNanos = System.nanoTime() - began;
            }
        } finally {
            disposeError = run.dispose();
        }
        return new Outcome(steps, found, List.copyOf(deviated.values()), skipped, disposeError, Map.copyOf(run.sharedContexts), reachabilityNanos);
    }

    /**
     * SC-13 by reachability, once the behaviour has been played: the kit lets go of its handles (a handle
     * may rightly hold its call's context) and asks whether the finished calls' contexts and objects stayed
     * reachable while every sink lives. A check in which no collection ran decides nothing.
     */
    private List<Violation> judgeReachability(long[] tally, Reachability.Patience patience) {
        handles.replaceAll(h -> null);
        Arrays.fill(contexts, null);
        Reachability.Finding finding = reachability.check(state, callbacksOnOwnThreads, patience);
        if (!finding.decided() || finding.finishedCalls() == 0) return List.of();
        if (tally != null) tally[Rule.SC13.ordinal()]++;
        return finding.retained() ? List.of(Attribution.reachable(finding.kept())) : List.of();
    }

    /** Where a run went on after a deviation: past this model action, or ({@code null}) from the step's own successor. */
    private record Resumed(Action after) {}

    /**
     * Moves the run to the model state that matches what the sinks show after a deviating step: {@code after}
     * itself, or the first state one enabled model action past it (never a begin: the kit would hold no
     * handle for its call). Null if no such state matches, leaving the run where it was.
     */
    private Resumed resume(ModelState after) {
        if (matches(after)) return new Resumed(null);
        for (Action next : model.enabled(after)) {
            if (next instanceof Begin) continue;
            ModelState candidate = model.apply(after, next);
            if (matches(candidate)) {
                state = candidate;
                return new Resumed(next);
            }
        }
        return null;
    }

    /** Whether every listener heard of every call what {@code s} says, and every pending count is {@code s}'s. */
    private boolean matches(ModelState s) {
        for (int sink = 0; sink < bounds.sinks(); sink++) {
            ScriptedListener r = recorders.get(sink);
            for (int c = 0; c < bounds.calls(); c++) {
                int owner = s.owner(c);
                if (sink != owner && owner != ModelState.NO_SINK && recorders.get(owner) == r) continue;   // heard through its owner
                if (!r.heardExactly(c, s.heard(sink, c))) return false;
            }
            if (capabilities.contains(Capability.RETENTION_VISIBLE) && adapter.pendingCalls(sinks.get(sink)) != s.registrySize(sink)) return false;
        }
        if (!capabilities.contains(Capability.LISTENER_ERRORS)) return true;
        for (int c = 0; c < bounds.calls(); c++) {
            int seen = 0;
            for (ScriptedListener r : listeners) seen += r.errorsReported(c);
            if (seen != errorsExpected(s, c)) return false;
        }
        return true;
    }

    /** How many listener errors of {@code call} a sink in state {@code s} has reported: its fault, and a throw from each final when finals throw. */
    private long errorsExpected(ModelState s, int call) {
        long finals = throwFromFinals ? s.heardOf(call).stream().filter(EventKind::isFinal).count() : 0;
        return (s.faulted(call) ? 1 : 0) + finals;
    }

    /** Whether the kit can play {@code action} on a sink with {@code capabilities}. */
    static boolean supports(Action action, Set<Capability> capabilities) {
        return capabilities.containsAll(needs(action));
    }

    /** The capabilities a sink needs for the kit to play {@code action}. */
    static Set<Capability> needs(Action action) {
        Set<Capability> needs = EnumSet.noneOf(Capability.class);
        if (action instanceof Progress) needs.add(Capability.PROGRESS);
        if (action instanceof Fail) needs.add(Capability.FAIL);
        if (action instanceof InCallback a) {
            if (a.callback() == EventKind.PROGRESS) needs.add(Capability.PROGRESS);
            if (a.callback() == EventKind.FAILED) needs.add(Capability.FAIL);
            needs.add(a.cancels() ? Capability.CANCEL_IN_CALLBACK : Capability.LISTENER_ERRORS);
        }
        if (action instanceof ForeignHandle || action instanceof ForgedHandle) needs.add(Capability.HANDLE_CHECKS);
        return needs;
    }

    private List<Violation> step(Action action, ModelState after, Set<Rule> exercised) {
        ModelState before = state;
        if (setup.duplicateContexts()) {
            for (ScriptedListener r : listeners) r.expect(c -> after.owner(c) == ModelState.NO_SINK ? List.of() : after.heard(after.owner(c), c));
        }
        Answers answers = new Answers();
        String threw = null;
        try {
            perform(action, answers);
        } catch (RuntimeException | StackOverflowError e) {
            threw = Adapters.oneLine(e);
        }
        String unsettled = null;
        Settling settling = Settling.after(action.toString(), settleBudget);
        try {
            for (S sink : sinks) adapter.settle(sink, settling);
        } catch (SettleTimeoutException e) {
            unsettled = e.getMessage();
        } finally {
            // armed until the sinks settled: a sink calling back on its own threads runs the callback later
            for (ScriptedListener r : listeners) r.disarm();
            if (settling.waited()) callbacksOnOwnThreads = true;
        }
        if (observesAcceptance) observeAcceptance(action, before, answers);
        state = after;
        noteAnswers(action, answers, threw != null);
        noteExercised(action, before, after, exercised);
        List<Violation> found = judge(action, before, after, answers, threw);
        if (unsettled == null) return found;
        if (found.isEmpty()) {
            throw new SettleTimeoutException(adapter.name() + ": " + unsettled + "; yet the sink then matched the model,"
                    + " so the adapter's settle waits for something the sink need not do");
        }
        String why = unsettled;
        return found.stream().map(v -> new Violation(v.operator(), v.detail() + " (" + why + ")")).toList();
    }

    /**
     * The answers of this step's signals as the listeners showed them: accepted exactly when the callback
     * the signal asks for ran, for the call the signal named, during this step (a forged handle names no
     * call: its signals count as refused, and a callback it caused shows up as a stray). The sinks have settled.
     */
    private void observeAcceptance(Action action, ModelState before, Answers answers) {
        int call = action instanceof ForgedHandle ? -1 : action.call();
        for (Signal signal : answers.sent()) answers.put(signal, call >= 0 && heardInStep(before, call, signal.callback));
        for (int c = probedAfterCancel.nextSetBit(0); c >= 0; c = probedAfterCancel.nextSetBit(c + 1)) {
            if (heardInStep(before, c, EventKind.OBJECT)) acceptedAfterCancel.set(c);
        }
        probedAfterCancel.clear();
    }

    /**
     * Whether some listener heard {@code kind} of {@code call} during this step: past what the model had
     * it hear before (a listener shared by several sinks heard what the model has the call's owner hear).
     */
    private boolean heardInStep(ModelState before, int call, EventKind kind) {
        for (ScriptedListener listener : listeners) {
            int had = 0;
            for (int s = 0; s < bounds.sinks(); s++) {
                if (recorders.get(s) == listener) had = Math.max(had, before.heard(s, call).size());
            }
            List<EventKind> heard = listener.heard(call);
            if (heard.subList(Math.min(had, heard.size()), heard.size()).contains(kind)) return true;
        }
        return false;
    }

    // ---- doing ----

    private void perform(Action action, Answers answers) {
        if (action instanceof Begin a) {
            CallContext context = contextFor(a);
            contexts[a.call()] = context;
            if (reachability != null) reachability.begun(a.call(), context, sharedContexts.getOrDefault(a.call(), a.call()));
            bornAfterCancel[a.call()] = sinkCancelled[a.sink()];
            S sink = sinks.get(a.sink());
            handles.set(a.call(), bounds.isEndless(a.call()) ? adapter.beginEndless(sink, context) : adapter.begin(sink, context));
        } else if (action instanceof Cancel a) {
            sinkCancelled[a.sink()] = true;
            adapter.cancel(sinks.get(a.sink()));
            if (signalAfterCancel) probeAfterCancel(a.sink());
        } else if (action instanceof Deliver a) {
            answers.put(Signal.DELIVER, deliver(ownerOf(a.call()), handles.get(a.call()), a.call()));
        } else if (action instanceof Progress a) {
            answers.put(Signal.PROGRESS, adapter.progress(ownerOf(a.call()), handles.get(a.call())));
        } else if (action instanceof Complete a) {
            answers.put(Signal.COMPLETE, adapter.complete(ownerOf(a.call()), handles.get(a.call())));
        } else if (action instanceof Fail a) {
            answers.put(Signal.FAIL, adapter.fail(ownerOf(a.call()), handles.get(a.call()), PROVIDER_ERROR));
        } else if (action instanceof InCallback a) {
            int s = state.owner(a.call());
            if (a.cancels()) {
                sinkCancelled[s] = true;
                recorders.get(s).cancelOnNext(a.callback(), a.call(), () -> adapter.cancel(sinks.get(s)));
            } else {
                recorders.get(s).throwOnNext(a.callback(), a.call());
            }
            trigger(a, sinks.get(s), handles.get(a.call()), answers);
        } else if (action instanceof StaleHandle a) {
            probe(ownerOf(a.call()), handles.get(a.call()), a.call(), answers);
        } else if (action instanceof ForeignHandle a) {
            probe(sinks.get(a.sink()), handles.get(a.call()), a.call(), answers);
        } else if (action instanceof ForgedHandle a) {
            S sink = sinks.get(a.sink());
            probe(sink, adapter.forgeHandle(sink), -1, answers);
        } else {
            throw new IllegalArgumentException("the kit cannot play " + action);
        }
    }

    private S ownerOf(int call) { return sinks.get(state.owner(call)); }

    /** A new context for the call {@code begin} begins, or, with duplicate contexts, the very one of its sink's newest pending call. */
    private CallContext contextFor(Begin begin) {
        if (setup.sharesContext(begin.call())) {
            List<Integer> pending = state.pendingOf(begin.sink());
            if (!pending.isEmpty()) {
                int newest = pending.stream().max(Integer::compare).orElseThrow();
                CallContext shared = contexts[newest];
                shared.alsoFor(begin.call());
                sharedContexts.put(begin.call(), sharedContexts.getOrDefault(newest, newest));
                return shared;
            }
        }
        return new CallContext(begin.call(), identity);
    }

    /**
     * Once {@code cancel} returned, and before the kit lets the sink settle: every call that was pending
     * on the sink is signalled once more, and must refuse (SC-04: "a provider signal after the cancel is
     * refused"). A cancel that hands its sweep to another thread and returns before it decided anything
     * is seen here, where the settled end state would show only an allowed in-flight delivery.
     */
    private void probeAfterCancel(int sink) {
        for (int c : state.pendingOf(sink)) {
            boolean accepted = deliver(sinks.get(sink), handles.get(c), c);
            if (observesAcceptance) probedAfterCancel.set(c);
            else if (accepted) acceptedAfterCancel.set(c);
        }
    }

    /** What makes the callback an {@code InCallback} action acts in run: the signal or the cancel that sends it. */
    private void trigger(InCallback action, S sink, H handle, Answers answers) {
        switch (action.callback()) {
            case OBJECT -> answers.put(Signal.DELIVER, deliver(sink, handle, action.call()));
            case PROGRESS -> answers.put(Signal.PROGRESS, adapter.progress(sink, handle));
            case COMPLETED -> answers.put(Signal.COMPLETE, adapter.complete(sink, handle));
            case FAILED -> answers.put(Signal.FAIL, adapter.fail(sink, handle, PROVIDER_ERROR));
            case CANCELLED -> adapter.cancel(sink);
        }
    }

    private boolean deliver(S sink, H handle, int call) {
        Object object = "object of " + Bounds.callName(call);
        if (reachability != null && call >= 0) reachability.handed(call, object);
        return adapter.deliver(sink, handle, object);
    }

    /** Every signal the sink has, through a handle it must refuse; each answer is recorded. */
    private void probe(S sink, H handle, int call, Answers answers) {
        answers.put(Signal.DELIVER, deliver(sink, handle, call));
        if (capabilities.contains(Capability.PROGRESS)) answers.put(Signal.PROGRESS, adapter.progress(sink, handle));
        answers.put(Signal.COMPLETE, adapter.complete(sink, handle));
        if (capabilities.contains(Capability.FAIL)) answers.put(Signal.FAIL, adapter.fail(sink, handle, PROVIDER_ERROR));
    }

    /** What the call's own provider was answered, through the handle the sink issued for it (stale probes included). */
    private void noteAnswers(Action action, Answers answers, boolean threw) {
        if (action instanceof ForeignHandle || action instanceof ForgedHandle || action.call() < 0) return;
        int c = action.call();
        boolean providerSignal = action instanceof Deliver || action instanceof Progress || action instanceof Complete || action instanceof Fail;
        if (threw && providerSignal) signalThrew[c] = true;
        for (Signal signal : List.of(Signal.DELIVER, Signal.PROGRESS)) {
            if (answers.answer(signal).orElse(false)) signalsAccepted[c]++;
        }
        answers.answer(Signal.COMPLETE).ifPresent(ok -> completeAnswers[c] = completeAnswers[c].and(ok));
        answers.answer(Signal.FAIL).ifPresent(ok -> failAnswers[c] = failAnswers[c].and(ok));
    }

    /**
     * Everything the observers of {@code call} saw so far, as {@link CallHistory} needs it: what its
     * listener heard, its provider's answers, and who else ended it in this step.
     */
    private CallHistory history(Action action, ModelState before, int call, List<EventKind> heard) {
        CallHistory.Cause cause = Attribution.cause(action, call);
        int causeAt = -1;
        if (cause == CallHistory.Cause.ITS_LISTENER_THREW || cause == CallHistory.Cause.CANCELLED_FROM_ITS_CALLBACK) {
            int had = Math.min(before.heardOf(call).size(), heard.size());
            int at = heard.subList(had, heard.size()).indexOf(((InCallback) action).callback());
            if (at >= 0) {
                causeAt = had + at;
            } else {
                cause = CallHistory.Cause.NONE;   // the callback the listener was to act in never ran
            }
        }
        return CallHistory.of(heard).endless(bounds.isEndless(call)).signalsAccepted(signalsAccepted[call])
                .answers(completeAnswers[call], failAnswers[call]).signalThrew(signalThrew[call]).cause(cause, causeAt);
    }

    // ---- judging ----

    private List<Violation> judge(Action action, ModelState before, ModelState after, Answers answers, String threw) {
        List<Violation> found = new ArrayList<>();
        if (threw != null) found.add(Attribution.threw(action, before, threw));
        boolean probe = action instanceof StaleHandle || Attribution.isForeignOrForged(action);
        boolean refused = !probe && answers.anyRefused();
        BitSet changed = changedCalls(before, after);
        BitSet mismatched = new BitSet(bounds.calls());
        for (int c = acceptedAfterCancel.nextSetBit(0); c >= 0; c = acceptedAfterCancel.nextSetBit(c + 1)) {
            // a cancel that ended the call only later, once settled: its window let the signal in (else
            // the call has no final, and that, SC-01's, is what the comparison below charges)
            if (!recorders.get(before.owner(c)).heard(c).contains(EventKind.CANCELLED)) continue;
            found.add(Attribution.acceptedAfterCancel(Bounds.callName(c) + ": a signal sent after " + action
                    + " returned was accepted, and the call was cancelled only later"));
            mismatched.set(c);
        }
        acceptedAfterCancel.clear();
        for (int s = 0; s < bounds.sinks(); s++) {
            ScriptedListener r = recorders.get(s);
            if (s > 0 && recorders.get(s - 1) == r) continue;   // shared with the sink before: drained there
            for (String stray : r.takeStrays()) found.add(Attribution.stray(action, Bounds.sinkName(s) + ": " + stray));
            for (String overlap : r.takeOverlaps()) found.add(Attribution.overlap(overlap));
            for (String error : r.takeNestedCancelErrors()) found.add(Attribution.threw(action, before, error));
        }
        for (int s = 0; s < bounds.sinks(); s++) {
            ScriptedListener r = recorders.get(s);
            for (int c = changed.nextSetBit(0); c >= 0; c = changed.nextSetBit(c + 1)) {
                if (mismatched.get(c) && s == after.owner(c)) continue;   // charged above
                // a listener shared with the owner hears what the owner's hears
                if (s != after.owner(c) && after.owner(c) != ModelState.NO_SINK && recorders.get(after.owner(c)) == r) continue;
                List<EventKind> expected = after.heard(s, c);
                if (r.heardExactly(c, expected)) continue;
                List<EventKind> seen = r.heard(c);
                mismatched.set(c);
                if (s != after.owner(c)) {
                    found.add(Attribution.foreignListener(action, s, c, after, seen));
                } else {
                    int had = Math.min(before.heard(s, c).size(), seen.size());
                    found.add(Attribution.ownEvents(action, before, c, expected.subList(had, expected.size()),
                            seen.subList(had, seen.size()), history(action, before, c, seen), refused, bornAfterCancel[c], bounds));
                }
            }
        }
        if (found.isEmpty()) {
            if (probe && answers.anyAccepted()) {
                found.add(Attribution.acceptedProbe(action + ": the sink accepted " + answers.named(true) + " through it"));
            } else if (refused) {
                int call = action.call();
                found.add(Attribution.refusedSignal(action, bornAfterCancel[call], action + ": the sink refused "
                        + answers.named(false) + " of " + Bounds.callName(call) + ", which is pending"));
            }
        }
        checkErrorsReported(after, changed, found);
        checkRetention(after, mismatched, found);
        checkProviderViews(action, after, mismatched, found);
        return dedupeByRule(found);
    }

    /**
     * The calls whose events or errors may differ from the model after this step: those any listener
     * heard of (or had an error reported for) during it, and those the model changed. Every other call
     * was equal before the step and nothing of it happened since, so it is equal still.
     */
    private BitSet changedCalls(ModelState before, ModelState after) {
        BitSet changed = new BitSet(bounds.calls());
        for (ScriptedListener r : listeners) changed.or(r.takeTouched());
        for (int c = 0; c < bounds.calls(); c++) {
            if (before.status(c) != after.status(c) || before.faulted(c) != after.faulted(c)) changed.set(c);
            for (int s = 0; s < bounds.sinks() && !changed.get(c); s++) {
                // the model shares the lists of untouched entries, so identity is a fast and safe test
                if (before.heard(s, c) != after.heard(s, c) && !before.heard(s, c).equals(after.heard(s, c))) changed.set(c);
            }
        }
        return changed;
    }

    private void checkErrorsReported(ModelState after, BitSet changed, List<Violation> found) {
        if (!capabilities.contains(Capability.LISTENER_ERRORS)) return;
        for (int c = changed.nextSetBit(0); c >= 0; c = changed.nextSetBit(c + 1)) {
            int seen = 0;
            for (ScriptedListener r : listeners) seen += r.errorsReported(c);
            long expected = errorsExpected(after, c);
            if (seen != expected) {
                found.add(Attribution.errorsReported("the sink reported " + seen + " listener error(s) of "
                        + Bounds.callName(c) + " where its listener threw " + expected + " time(s)"));
            }
        }
    }

    /**
     * The pending counts. A sink with a call whose events already differ in this step is skipped: its
     * count differs for the same reason, which is already charged.
     */
    private void checkRetention(ModelState after, BitSet mismatched, List<Violation> found) {
        if (!capabilities.contains(Capability.RETENTION_VISIBLE)) return;
        BitSet explained = new BitSet(bounds.sinks());
        for (int c = mismatched.nextSetBit(0); c >= 0; c = mismatched.nextSetBit(c + 1)) {
            if (after.owner(c) != ModelState.NO_SINK) explained.set(after.owner(c));
        }
        for (int s = 0; s < bounds.sinks(); s++) {
            if (explained.get(s)) continue;
            int seen = adapter.pendingCalls(sinks.get(s));
            if (seen != after.registrySize(s)) found.add(Attribution.retention(s, seen, after.registrySize(s)));
        }
    }

    /**
     * Every begun call's provider view: a sink may flip one at any step, so none is skipped, except a
     * call whose events already differ in this step (the same fault, already charged).
     */
    private void checkProviderViews(Action action, ModelState after, BitSet mismatched, List<Violation> found) {
        if (!capabilities.contains(Capability.PROVIDER_TOLD)) return;
        for (int c = 0; c < bounds.calls(); c++) {
            if (handles.get(c) == null || mismatched.get(c)) continue;
            boolean seesCancelled = adapter.providerSeesCancelled(sinks.get(after.owner(c)), handles.get(c));
            if (seesCancelled != (after.status(c) == Status.CANCELLED)) found.add(Attribution.providerView(action, c, seesCancelled));
        }
    }

    private void noteExercised(Action action, ModelState before, ModelState after, Set<Rule> exercised) {
        exercised.add(Rule.SC02);
        exercised.add(Rule.SC03);
        exercised.add(Rule.SC09);
        int cancelled = RuleChecks.cancelledSink(before, action);
        if (cancelled >= 0) {
            List<Integer> pending = before.pendingOf(cancelled);
            exercised.add(pending.isEmpty() ? Rule.SC07 : Rule.SC01);
            if (pending.stream().anyMatch(bounds::isEndless)) exercised.add(Rule.SC10);
            if (Attribution.cancelsInCallback(action)) exercised.add(Rule.SC16);
        }
        if (action instanceof Begin && bornAfterCancel[action.call()]) exercised.add(Rule.SC08);
        if (action instanceof Complete || action instanceof Fail || action instanceof StaleHandle
                || (action instanceof CancelInFinal a && a.fin() != Status.CANCELLED)) exercised.add(Rule.SC05);
        if (action instanceof StaleHandle && before.status(action.call()) == Status.CANCELLED) exercised.add(Rule.SC04);
        if (action instanceof StaleHandle || Attribution.isForeignOrForged(action)) exercised.add(Rule.SC14);
        if (Attribution.throwsInCallback(action) || (throwFromFinals && !before.equals(after))) exercised.add(Rule.SC15);
        boolean anyPending = false;
        boolean anyFinished = false;
        boolean anyCancelled = false;
        for (int c = 0; c < bounds.calls(); c++) {
            anyPending |= after.status(c) == Status.PENDING;
            anyFinished |= after.status(c).isFinal();
            anyCancelled |= after.status(c) == Status.CANCELLED;
        }
        if (capabilities.contains(Capability.RETENTION_VISIBLE) && anyPending) exercised.add(Rule.SC06);
        if (capabilities.contains(Capability.RETENTION_VISIBLE) && anyFinished) exercised.add(Rule.SC13);
        if (capabilities.contains(Capability.PROVIDER_TOLD) && anyCancelled) exercised.add(Rule.SC12);
    }

    private static List<Violation> dedupeByRule(List<Violation> found) {
        Map<Rule, Violation> first = new LinkedHashMap<>();
        for (Violation d : found) first.putIfAbsent(d.rule(), d);
        return List.copyOf(first.values());
    }

    /** The provider signals a step sends, each with the callback that shows it was accepted. */
    private enum Signal {
        DELIVER(EventKind.OBJECT), PROGRESS(EventKind.PROGRESS), COMPLETE(EventKind.COMPLETED), FAIL(EventKind.FAILED);

        final EventKind callback;

        Signal(EventKind callback) { this.callback = callback; }

        @Override public String toString() { return name().toLowerCase(Locale.ROOT); }
    }

    /** What the sink answered each signal of one step: accepted or refused, in the order they were sent. */
    private static final class Answers {
        private final Map<Signal, Boolean> accepted = new EnumMap<>(Signal.class);

        void put(Signal signal, boolean wasAccepted) { accepted.put(signal, wasAccepted); }

        Optional<Boolean> answer(Signal signal) { return Optional.ofNullable(accepted.get(signal)); }

        /** The signals sent, in order. */
        List<Signal> sent() { return List.copyOf(accepted.keySet()); }

        boolean anyAccepted() { return accepted.containsValue(true); }

        boolean anyRefused() { return accepted.containsValue(false); }

        /** The signals answered {@code wasAccepted}. */
        List<Signal> named(boolean wasAccepted) {
            return accepted.entrySet().stream().filter(e -> e.getValue() == wasAccepted).map(Map.Entry::getKey).toList();
        }
    }
}
