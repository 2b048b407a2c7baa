package org.sinkcheck.tlc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sinkcheck.model.Action;
import org.sinkcheck.model.Bounds;
import org.sinkcheck.model.Model;
import org.sinkcheck.model.ModelState;
import org.sinkcheck.tlc.Counterexample.Loop;

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
    public static List<String> lines(Counterexample trace, Optional<Bounds> bounds) {
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
        if (from.isPresent() && to.isPresent()) {
            Optional<Action> action = explain(model.get(), label, from.get(), to.get());
            if (action.isPresent()) return action.get().toString();
            // unexplained, but CancelAll's variables: list changes in the spec's order (status before heard)
            before = CancelAllStates.tlaState(from.get());
            after = CancelAllStates.tlaState(to.get());
        }
        List<String> changes = after.changesFrom(before);
        return label + (changes.isEmpty() ? " (changes nothing)" : ": " + String.join("; ", changes));
    }

    /** The enabled action with TLC's label that leads from {@code from} to {@code to}, if the model has one. */
    private static Optional<Action> explain(Model model, String label, ModelState from, ModelState to) {
        for (Action a : model.enabled(from)) {
            if (a.tlaName().equals(label) && model.apply(from, a).equals(to)) return Optional.of(a);
        }
        return Optional.empty();
    }
}
