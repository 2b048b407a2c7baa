package org.sinkcheck.tlc;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sinkcheck.model.Bounds;
import org.sinkcheck.model.EventKind;
import org.sinkcheck.model.ModelState;
import org.sinkcheck.model.Status;
import org.sinkcheck.tlc.TlaValue.Bool;
import org.sinkcheck.tlc.TlaValue.Fn;
import org.sinkcheck.tlc.TlaValue.Int;
import org.sinkcheck.tlc.TlaValue.Seq;
import org.sinkcheck.tlc.TlaValue.SetOf;
import org.sinkcheck.tlc.TlaValue.Str;

/**
 * The bridge between TLC's values of CancelAll.tla (and of specs that extend it without adding
 * variables) and the executable model: the constants of a configuration as {@link Bounds}, a TLC
 * state as a {@link ModelState}. Sinks and calls are named {@code "s1"…}, {@code "c1"…} on the TLA+
 * side and numbered from 0 on the Java side ({@link Bounds#sinkName}). The spec's cancel counter
 * {@code cancels} is not part of a model state: it only names the sink a step cancels, which on the
 * Java side is the step's {@link org.sinkcheck.model.Action}.
 *
 * <p>Anything that is not of that shape (another spec, other names) is an {@link IllegalArgumentException};
 * the {@code try…} variants turn that into an empty result, for callers that fall back to plain diffs.
 */
public final class CancelAllStates {
    private static final Set<String> VARIABLES = Set.of("owner", "status", "heard", "registry", "faulted", "cancels");
    /** {@code cancels}: how many times the client has cancelled each sink. */
    static final String CANCELS = "cancels";

    private CancelAllStates() {}

    /** The bounds that {@code config}'s constants set, if they are CancelAll's. */
    public static Optional<Bounds> tryBounds(TlcConfig config) {
        try {
            return Optional.of(bounds(config.constants()));
        } catch (IllegalArgumentException | ClassCastException | NullPointerException notCancelAll) {
            return Optional.empty();
        }
    }

    static Bounds bounds(Map<String, TlaValue> constants) {
        List<TlaValue> sinks = elements(constants.get("Sinks"));
        List<TlaValue> calls = elements(constants.get("Calls"));
        Set<Integer> endless = new HashSet<>();
        for (TlaValue c : elements(constants.get("Endless"))) endless.add(index(c, "c", calls.size()));
        for (int i = 0; i < sinks.size(); i++) index(sinks.get(i), "s", sinks.size());
        for (int i = 0; i < calls.size(); i++) index(calls.get(i), "c", calls.size());
        TlaValue max = constants.get("MaxSignals");
        if (!(max instanceof Int m)) throw new IllegalArgumentException("MaxSignals is not a number: " + max);
        return new Bounds(sinks.size(), calls.size(), endless, (int) m.value());
    }

    private static List<TlaValue> elements(TlaValue set) {
        if (!(set instanceof SetOf s)) throw new IllegalArgumentException("not a set: " + set);
        return s.elements();
    }

    /** {@code "s2"} with prefix {@code s} is 1. */
    private static int index(TlaValue name, String prefix, int count) {
        if (name instanceof Str s && s.value().matches(prefix + "[1-9]\\d*")) {
            int i = Integer.parseInt(s.value().substring(prefix.length())) - 1;
            if (i < count) return i;
        }
        throw new IllegalArgumentException("not one of " + prefix + "1.." + prefix + count + ": " + name);
    }

    /** {@code state} as a model state, if it is a state of CancelAll.tla. */
    public static Optional<ModelState> tryModelState(TlaState state) {
        if (!state.variables().keySet().equals(VARIABLES)) return Optional.empty();
        try {
            return Optional.of(modelState(state));
        } catch (IllegalArgumentException | ClassCastException | NullPointerException notCancelAll) {
            return Optional.empty();
        }
    }

    public static ModelState modelState(TlaState state) {
        Fn status = (Fn) state.get("status");
        Fn owner = (Fn) state.get("owner");
        Fn heard = (Fn) state.get("heard");
        Fn registry = (Fn) state.get("registry");
        Fn faulted = (Fn) state.get("faulted");
        int calls = status.mapping().size();
        int sinks = heard.mapping().size();
        int[] owners = new int[calls];
        Status[] statuses = new Status[calls];
        boolean[] faults = new boolean[calls];
        for (int c = 0; c < calls; c++) {
            String call = Bounds.callName(c);
            String o = string(owner.get(call));
            owners[c] = o.equals("none") ? ModelState.NO_SINK : index(new Str(o), "s", sinks);
            statuses[c] = Status.ofTla(string(status.get(call)));
            faults[c] = ((Bool) faulted.get(call)).value();
        }
        List<List<List<EventKind>>> heards = new ArrayList<>();
        boolean[][] registries = new boolean[sinks][calls];
        for (int s = 0; s < sinks; s++) {
            Fn perSink = (Fn) heard.get(Bounds.sinkName(s));
            List<List<EventKind>> perCall = new ArrayList<>();
            for (int c = 0; c < calls; c++) {
                List<EventKind> events = new ArrayList<>();
                for (TlaValue e : ((Seq) perSink.get(Bounds.callName(c))).elements()) events.add(EventKind.ofTla(string(e)));
                perCall.add(events);
            }
            heards.add(perCall);
            for (TlaValue c : elements(registry.get(Bounds.sinkName(s)))) registries[s][index(c, "c", calls)] = true;
        }
        return ModelState.of(owners, statuses, heards, registries, faults);
    }

    /**
     * The inverse of {@link #modelState}: the contract's five variables as TLA+ values, in declaration
     * order (without {@code cancels}, which a model state does not have).
     */
    public static TlaState tlaState(ModelState state) {
        Map<TlaValue, TlaValue> owner = new LinkedHashMap<>();
        Map<TlaValue, TlaValue> status = new LinkedHashMap<>();
        Map<TlaValue, TlaValue> faulted = new LinkedHashMap<>();
        for (int c = 0; c < state.calls(); c++) {
            Str call = new Str(Bounds.callName(c));
            owner.put(call, new Str(state.owner(c) == ModelState.NO_SINK ? "none" : Bounds.sinkName(state.owner(c))));
            status.put(call, new Str(state.status(c).tla()));
            faulted.put(call, new Bool(state.faulted(c)));
        }
        Map<TlaValue, TlaValue> heard = new LinkedHashMap<>();
        Map<TlaValue, TlaValue> registry = new LinkedHashMap<>();
        for (int s = 0; s < state.sinks(); s++) {
            Map<TlaValue, TlaValue> perCall = new LinkedHashMap<>();
            List<TlaValue> held = new ArrayList<>();
            for (int c = 0; c < state.calls(); c++) {
                List<TlaValue> events = new ArrayList<>();
                for (EventKind e : state.heard(s, c)) events.add(new Str(e.tla()));
                perCall.put(new Str(Bounds.callName(c)), new Seq(events));
                if (state.inRegistry(s, c)) held.add(new Str(Bounds.callName(c)));
            }
            heard.put(new Str(Bounds.sinkName(s)), new Fn(perCall));
            registry.put(new Str(Bounds.sinkName(s)), new SetOf(held));
        }
        Map<String, TlaValue> vars = new LinkedHashMap<>();
        vars.put("owner", new Fn(owner));
        vars.put("status", new Fn(status));
        vars.put("heard", new Fn(heard));
        vars.put("registry", new Fn(registry));
        vars.put("faulted", new Fn(faulted));
        return new TlaState(vars);
    }

    private static String string(TlaValue v) {
        if (v instanceof Str s) return s.value();
        throw new IllegalArgumentException("not a string: " + v);
    }
}
