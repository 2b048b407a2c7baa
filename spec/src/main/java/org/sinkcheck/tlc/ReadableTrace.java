package org.sinkcheck.tlc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sinkcheck.model.Action;
import org.sinkcheck.model.Bounds;
import org.sinkcheck.model.Model;
import org.sinkcheck.model.ModelState;
import org.sinkcheck.model.RuleChecks;
import org.sinkcheck.tlc.TlcTrace.Loop;

/**
 * Turns a TLC trace into what a person in a hurry reads: one numbered line per action.
 *
 * <p>A step between two states of CancelAll.tla is named by the executable model: the enabled
 * {@link Action} that yields the next state, preferring one with TLC's label, printed with its
 * parameters ("begin c1 on s1"). A step no real action explains (the broken action of a deliberately
 * broken spec, or any step of a spec with other variables) is printed as TLC's label followed by what
 * changed, entry by entry, so the line still shows the parameters and the damage.
 */
public final class ReadableTrace {
    private ReadableTrace() {}

    /** Numbered lines, one per action, and a last line saying how a liveness counterexample loops. */
    public static List<String> lines(TlcTrace trace, Optional<Bounds> bounds) {
        Optional<Model> model = bounds.map(Model::new);
        List<String> out = new ArrayList<>();
        List<TlaState> states = trace.states();
        for (int i = 0; i < trace.length(); i++) {
            out.add((i + 1) + ". " + step(model, trace.actions().get(i), states.get(i), states.get(i + 1)));
        }
        TlaState last = states.get(states.size() - 1);
        if (trace.loop() instanceof Loop.BackTo back) {
            String again = step(model, back.action(), last, states.get(back.state() - 1));
            String target = back.state() == 1 ? "the initial state" : "the state after step " + (back.state() - 1);
            out.add((trace.length() + 1) + ". " + again + ", which returns to " + target
                    + ": steps " + back.state() + ".." + (trace.length() + 1) + " repeat forever");
        } else if (trace.loop() instanceof Loop.Stuttering) {
            out.add("then nothing happens any more, forever (stuttering)");
        }
        return out;
    }

    static String step(Optional<Model> model, String label, TlaState before, TlaState after) {
        Optional<ModelState> from = model.isPresent() ? CancelAllStates.tryModelState(before) : Optional.empty();
        Optional<ModelState> to = model.isPresent() ? CancelAllStates.tryModelState(after) : Optional.empty();
        List<String> changes;
        if (from.isPresent() && to.isPresent()) {
            Optional<Action> action = explain(model.get(), label, from.get(), to.get(), cancelled(before, after));
            if (action.isPresent()) return action.get().toString();
            // unexplained, but CancelAll's variables: list changes in the spec's order (status before
            // heard), then which sink the step counts as cancelled
            changes = new ArrayList<>(CancelAllStates.tlaState(to.get()).changesFrom(CancelAllStates.tlaState(from.get())));
            changes.addAll(only(after, CancelAllStates.CANCELS).changesFrom(only(before, CancelAllStates.CANCELS)));
        } else {
            changes = after.changesFrom(before);
        }
        return label + (changes.isEmpty() ? " (changes nothing)" : ": " + String.join("; ", changes));
    }

    private static TlaState only(TlaState state, String variable) {
        return new TlaState(java.util.Map.of(variable, state.get(variable)));
    }

    /** The enabled action with TLC's label that leads from {@code from} to {@code to}, if the model has one. */
    private static Optional<Action> explain(Model model, String label, ModelState from, ModelState to, List<Integer> cancelled) {
        for (Action a : model.enabled(from)) {
            int sink = RuleChecks.cancelledSink(from, a);
            List<Integer> counted = sink < 0 ? List.of() : List.of(sink);
            if (a.tlaName().equals(label) && model.apply(from, a).equals(to) && counted.equals(cancelled)) return Optional.of(a);
        }
        return Optional.empty();
    }

    /** The sinks whose cancel count the step raised ({@code cancels}), numbered from 0. */
    private static List<Integer> cancelled(TlaState before, TlaState after) {
        TlaValue.Fn was = (TlaValue.Fn) before.get(CancelAllStates.CANCELS);
        TlaValue.Fn now = (TlaValue.Fn) after.get(CancelAllStates.CANCELS);
        List<Integer> out = new ArrayList<>();
        for (int s = 0; s < now.mapping().size(); s++) {
            if (!now.get(Bounds.sinkName(s)).equals(was.get(Bounds.sinkName(s)))) out.add(s);
        }
        return out;
    }
}
