package org.sinkcheck.kit.run;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.sinkcheck.kit.Adapters;
import org.sinkcheck.kit.Capability;
import org.sinkcheck.kit.SinkAdapter;
import org.sinkcheck.model.Action;
import org.sinkcheck.model.Action.Begin;
import org.sinkcheck.model.Action.Cancel;
import org.sinkcheck.model.Action.CancelInCallback;
import org.sinkcheck.model.Action.Complete;
import org.sinkcheck.model.Action.Deliver;
import org.sinkcheck.model.Action.Fail;
import org.sinkcheck.model.Action.ForeignHandle;
import org.sinkcheck.model.Action.ForgedHandle;
import org.sinkcheck.model.Action.ListenerThrows;
import org.sinkcheck.model.Action.Progress;
import org.sinkcheck.model.Action.StaleHandle;
import org.sinkcheck.model.Bounds;
import org.sinkcheck.model.EventKind;
import org.sinkcheck.model.Model;
import org.sinkcheck.model.ModelState;
import org.sinkcheck.model.Status;
import org.sinkcheck.rules.Rule;

/**
 * One behaviour of the model played against a fresh set of the adapter's sinks, step by step, in
 * lock-step with the model. After every step it compares what the sinks showed — each listener's
 * events per call, the accepted/refused answer of each signal, the listener errors reported, and where
 * the adapter can show them the sinks' pending counts and the providers' views — with the model's
 * successor state, and charges each difference to a rule ({@link Attribution}).
 *
 * <p>The first step that differs ends the run: after it, the sink and the model no longer share a
 * state, and what follows would be noise.
 *
 * @param <S> the author's sink type
 * @param <H> the author's handle type
 */
final class Run<S, H> {

    /** How a behaviour went: the number of steps taken, and the differences of the last one (none: it passed). */
    record Outcome(int steps, List<Discrepancy> discrepancies) {
        boolean passed() { return discrepancies.isEmpty(); }
    }

    private static final Throwable PROVIDER_ERROR = new RuntimeException("the provider failed the call (kit)", null, false, false) {};

    private final SinkAdapter<S, H> adapter;
    private final Model model;
    private final Bounds bounds;
    private final Set<Capability> capabilities;
    private final List<S> sinks = new ArrayList<>();
    private final List<Recorder> recorders = new ArrayList<>();
    private final Map<Object, Integer> callOf = new IdentityHashMap<>();
    private final List<H> handles = new ArrayList<>();
    private final boolean[] sinkCancelled;
    private final boolean[] bornAfterCancel;
    private final boolean throwFromFinals;
    private ModelState state;

    private Run(SinkAdapter<S, H> adapter, Model model, Set<Capability> capabilities, boolean throwFromFinals) {
        this.adapter = adapter;
        this.model = model;
        this.bounds = model.bounds();
        this.capabilities = capabilities;
        this.throwFromFinals = throwFromFinals;
        this.sinkCancelled = new boolean[bounds.sinks()];
        this.bornAfterCancel = new boolean[bounds.calls()];
        this.state = model.initial();
        for (int c = 0; c < bounds.calls(); c++) handles.add(null);
        for (int s = 0; s < bounds.sinks(); s++) {
            Recorder recorder = new Recorder(callOf, bounds.calls(), throwFromFinals);
            recorders.add(recorder);
            sinks.add(adapter.newSink(recorder));
        }
    }

    /**
     * Plays {@code actions} (each enabled in the model in turn) on fresh sinks of {@code adapter}.
     * With {@code throwFromFinals}, every listener throws from every final callback, which must change
     * nothing but the errors reported (SC-15). {@code tally}, if not null, counts per rule (by ordinal)
     * the steps that exercised it.
     */
    static <S, H> Outcome play(SinkAdapter<S, H> adapter, Model model, List<Action> actions, boolean throwFromFinals,
                               long[] tally) {
        return play(adapter, model, actions, null, throwFromFinals, tally);
    }

    /** As above, with the model's states after each action already known ({@code states.get(i)} after action i). */
    static <S, H> Outcome play(SinkAdapter<S, H> adapter, Model model, List<Action> actions, List<ModelState> states,
                               boolean throwFromFinals, long[] tally) {
        Run<S, H> run = new Run<>(adapter, model, adapter.capabilities(), throwFromFinals);
        for (int i = 0; i < actions.size(); i++) {
            Set<Rule> exercised = EnumSet.noneOf(Rule.class);
            ModelState after = states == null ? model.apply(run.state, actions.get(i)) : states.get(i);
            List<Discrepancy> found = run.step(actions.get(i), after, exercised);
            if (tally != null) for (Rule rule : exercised) tally[rule.ordinal()]++;
            if (!found.isEmpty()) return new Outcome(i + 1, found);
        }
        return new Outcome(actions.size(), List.of());
    }

    /** Whether the kit can play {@code action} on a sink with {@code capabilities}. */
    static boolean supports(Action action, Set<Capability> capabilities) {
        if (action instanceof Progress) return capabilities.contains(Capability.PROGRESS);
        if (action instanceof Fail) return capabilities.contains(Capability.FAIL);
        if (action instanceof ListenerThrows) return capabilities.contains(Capability.LISTENER_ERRORS);
        if (action instanceof CancelInCallback) return capabilities.contains(Capability.CANCEL_IN_CALLBACK);
        if (action instanceof ForeignHandle || action instanceof ForgedHandle) return capabilities.contains(Capability.HANDLE_CHECKS);
        return true;
    }

    private List<Discrepancy> step(Action action, ModelState after, Set<Rule> exercised) {
        ModelState before = state;
        Map<String, Boolean> answers = new LinkedHashMap<>();
        String threw = null;
        try {
            perform(action, answers);
        } catch (RuntimeException | StackOverflowError e) {
            threw = Adapters.oneLine(e);
        } finally {
            for (Recorder r : recorders) r.disarm();
        }
        for (S sink : sinks) adapter.settle(sink);
        state = after;
        noteExercised(action, before, after, exercised);
        return judge(action, before, after, answers, threw);
    }

    // ---- doing ----

    private void perform(Action action, Map<String, Boolean> answers) {
        if (action instanceof Begin) {
            Begin a = (Begin) action;
            Object context = new CallContext(a.call());
            callOf.put(context, a.call());
            bornAfterCancel[a.call()] = sinkCancelled[a.sink()];
            handles.set(a.call(), adapter.begin(sinks.get(a.sink()), context));
        } else if (action instanceof Cancel) {
            int s = ((Cancel) action).sink();
            sinkCancelled[s] = true;
            adapter.cancel(sinks.get(s));
        } else if (action instanceof Deliver) {
            int c = ((Deliver) action).call();
            answers.put("deliver", deliver(ownerOf(c), handles.get(c), c));
        } else if (action instanceof Progress) {
            int c = ((Progress) action).call();
            answers.put("progress", adapter.progress(ownerOf(c), handles.get(c)));
        } else if (action instanceof Complete) {
            int c = ((Complete) action).call();
            answers.put("complete", adapter.complete(ownerOf(c), handles.get(c)));
        } else if (action instanceof Fail) {
            int c = ((Fail) action).call();
            answers.put("fail", adapter.fail(ownerOf(c), handles.get(c), PROVIDER_ERROR));
        } else if (action instanceof ListenerThrows) {
            int c = ((ListenerThrows) action).call();
            recorders.get(state.owner(c)).throwOnNextObjectOf(c);
            answers.put("deliver", deliver(ownerOf(c), handles.get(c), c));
        } else if (action instanceof CancelInCallback) {
            int c = ((CancelInCallback) action).call();
            int s = state.owner(c);
            sinkCancelled[s] = true;
            recorders.get(s).cancelOnNextObjectOf(c, () -> adapter.cancel(sinks.get(s)));
            answers.put("deliver", deliver(sinks.get(s), handles.get(c), c));
        } else if (action instanceof StaleHandle) {
            int c = ((StaleHandle) action).call();
            probe(ownerOf(c), handles.get(c), c, answers);
        } else if (action instanceof ForeignHandle) {
            ForeignHandle a = (ForeignHandle) action;
            probe(sinks.get(a.sink()), handles.get(a.call()), a.call(), answers);
        } else if (action instanceof ForgedHandle) {
            S sink = sinks.get(((ForgedHandle) action).sink());
            probe(sink, adapter.forgeHandle(sink), -1, answers);
        } else {
            throw new IllegalArgumentException("the kit cannot play " + action);
        }
    }

    private S ownerOf(int call) { return sinks.get(state.owner(call)); }

    private boolean deliver(S sink, H handle, int call) {
        return adapter.deliver(sink, handle, "object of " + Bounds.callName(call));
    }

    /** Every signal the sink has, through a handle it must refuse; each answer is recorded. */
    private void probe(S sink, H handle, int call, Map<String, Boolean> answers) {
        Map<String, BooleanSupplier> signals = new LinkedHashMap<>();
        signals.put("deliver", () -> deliver(sink, handle, call));
        if (capabilities.contains(Capability.PROGRESS)) signals.put("progress", () -> adapter.progress(sink, handle));
        signals.put("complete", () -> adapter.complete(sink, handle));
        if (capabilities.contains(Capability.FAIL)) signals.put("fail", () -> adapter.fail(sink, handle, PROVIDER_ERROR));
        signals.forEach((name, signal) -> answers.put(name, signal.getAsBoolean()));
    }

    // ---- judging ----

    private List<Discrepancy> judge(Action action, ModelState before, ModelState after, Map<String, Boolean> answers, String threw) {
        List<Discrepancy> found = new ArrayList<>();
        if (threw != null) found.add(Attribution.threw(action, before, threw));
        boolean probe = action instanceof StaleHandle || Attribution.isForeignOrForged(action);
        boolean refused = !probe && answers.containsValue(false);
        BitSet changed = changedCalls(before, after);
        BitSet mismatched = new BitSet(bounds.calls());
        for (int s = 0; s < bounds.sinks(); s++) {
            Recorder r = recorders.get(s);
            for (String stray : r.takeStrays()) found.add(Attribution.stray(action, Bounds.sinkName(s) + ": " + stray));
            for (String overlap : r.takeOverlaps()) found.add(Attribution.overlap(overlap));
            for (String error : r.takeNestedCancelErrors()) found.add(Attribution.threw(action, before, error));
        }
        for (int s = 0; s < bounds.sinks(); s++) {
            Recorder r = recorders.get(s);
            for (int c = changed.nextSetBit(0); c >= 0; c = changed.nextSetBit(c + 1)) {
                List<EventKind> expected = after.heard(s, c);
                if (r.heardExactly(c, expected)) continue;
                List<EventKind> seen = r.heard(c);
                mismatched.set(c);
                if (s != after.owner(c)) {
                    found.add(Attribution.foreignListener(action, s, c, after, seen));
                } else {
                    int had = Math.min(before.heard(s, c).size(), seen.size());
                    found.add(Attribution.ownEvents(action, before, c, expected.subList(had, expected.size()),
                            seen.subList(had, seen.size()), refused, bornAfterCancel[c], bounds));
                }
            }
        }
        if (found.isEmpty()) {
            if (probe && answers.containsValue(true)) {
                found.add(Attribution.acceptedProbe(action + ": the sink accepted " + accepted(answers) + " through it"));
            } else if (refused) {
                int call = signalledCall(action);
                found.add(Attribution.refusedSignal(action, bornAfterCancel[call], action + ": the sink refused "
                        + refusedNames(answers) + " of " + Bounds.callName(call) + ", which is pending"));
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
        for (Recorder r : recorders) changed.or(r.takeTouched());
        for (int c = 0; c < bounds.calls(); c++) {
            if (before.status(c) != after.status(c) || before.faulted(c) != after.faulted(c)) changed.set(c);
            for (int s = 0; s < bounds.sinks() && !changed.get(c); s++) {
                // the model shares the lists of untouched entries, so identity is a fast and safe test
                if (before.heard(s, c) != after.heard(s, c) && !before.heard(s, c).equals(after.heard(s, c))) changed.set(c);
            }
        }
        return changed;
    }

    private void checkErrorsReported(ModelState after, BitSet changed, List<Discrepancy> found) {
        if (!capabilities.contains(Capability.LISTENER_ERRORS)) return;
        for (int c = changed.nextSetBit(0); c >= 0; c = changed.nextSetBit(c + 1)) {
            int seen = 0;
            for (Recorder r : recorders) seen += r.errorsReported(c);
            long finals = throwFromFinals ? after.heardOf(c).stream().filter(EventKind::isFinal).count() : 0;
            long expected = (after.faulted(c) ? 1 : 0) + finals;
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
    private void checkRetention(ModelState after, BitSet mismatched, List<Discrepancy> found) {
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
    private void checkProviderViews(Action action, ModelState after, BitSet mismatched, List<Discrepancy> found) {
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
        int cancelled = Attribution.cancelledSink(action, before);
        if (cancelled >= 0) {
            List<Integer> pending = before.pendingOf(cancelled);
            exercised.add(pending.isEmpty() ? Rule.SC07 : Rule.SC01);
            if (pending.stream().anyMatch(bounds::isEndless)) exercised.add(Rule.SC10);
            if (action instanceof CancelInCallback) exercised.add(Rule.SC16);
        }
        if (action instanceof Begin && bornAfterCancel[((Begin) action).call()]) exercised.add(Rule.SC08);
        if (action instanceof Complete || action instanceof Fail || action instanceof StaleHandle) exercised.add(Rule.SC05);
        if (action instanceof StaleHandle && before.status(((StaleHandle) action).call()) == Status.CANCELLED) exercised.add(Rule.SC04);
        if (action instanceof StaleHandle || Attribution.isForeignOrForged(action)) exercised.add(Rule.SC14);
        if (action instanceof ListenerThrows || (throwFromFinals && !before.equals(after))) exercised.add(Rule.SC15);
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

    private static int signalledCall(Action action) {
        if (action instanceof Deliver) return ((Deliver) action).call();
        if (action instanceof Progress) return ((Progress) action).call();
        if (action instanceof Complete) return ((Complete) action).call();
        if (action instanceof Fail) return ((Fail) action).call();
        if (action instanceof ListenerThrows) return ((ListenerThrows) action).call();
        return ((CancelInCallback) action).call();
    }

    private static List<String> accepted(Map<String, Boolean> answers) {
        return answers.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
    }

    private static List<String> refusedNames(Map<String, Boolean> answers) {
        return answers.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
    }

    private static List<Discrepancy> dedupeByRule(List<Discrepancy> found) {
        Map<Rule, Discrepancy> first = new LinkedHashMap<>();
        for (Discrepancy d : found) first.putIfAbsent(d.rule(), d);
        return List.copyOf(first.values());
    }

    /** The context of one call: compared by identity, printed for people. */
    private static final class CallContext {
        private final int call;

        CallContext(int call) { this.call = call; }

        @Override public String toString() { return "context of " + Bounds.callName(call); }
    }
}
