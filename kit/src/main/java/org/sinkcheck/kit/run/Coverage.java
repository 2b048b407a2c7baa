package org.sinkcheck.kit.run;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.sinkcheck.kit.Capability;
import org.sinkcheck.model.Action;
import org.sinkcheck.model.Model;
import org.sinkcheck.model.ModelState;
import org.sinkcheck.model.Status;

/**
 * How much of the spec a run played on this sink, given the capabilities its adapter declares: of the state
 * graph at the replay bounds, the edges and the distinct actions a sink with these capabilities can reach
 * (from the initial state, through actions it can play) and those the replay played; the action kinds the
 * replay and the walks played, and each kind never played with why (the capability it needs); and the
 * listener faults played, each split into the two observations of {@link Capability#LISTENER_ERRORS}: the
 * sink <em>contained</em> it (every listener heard what the model says: the throwing call alone changed as
 * SC-15 says) and <em>reported</em> it (the sink reported as many errors as the listener threw; checked only
 * with {@code LISTENER_ERRORS} declared).
 *
 * @param kindsPlayed    per action kind (its TLA+ action's name), the steps that played it, replay and walks
 * @param kindsNotPlayed per action kind never played, why
 * @param faults         per kind of listener fault, how often it was played, contained and reported
 */
public record Coverage(Set<Capability> capabilities, int edges, int reachableEdges, int playedEdges,
                       int actions, int reachableActions, int playedActions,
                       Map<String, Long> kindsPlayed, Map<String, String> kindsNotPlayed, Map<ListenerFault, Faults> faults) {

    /** The kinds of listener fault the kit plays. */
    public enum ListenerFault {
        OBJECT("a throw from an object callback"),
        PROGRESS("a throw from a progress callback"),
        FINAL("a throw from a final callback");

        private final String words;

        ListenerFault(String words) { this.words = words; }

        public String words() { return words; }
    }

    /** One kind of listener fault: the throws played, those the sink contained, those it reported. */
    public record Faults(long played, long contained, long reported) {}

    /**
     * One action of every kind of the model's sealed {@link Action}, in declaration order: call and sink 0, a
     * final of CANCELLED. A kind's capabilities are asked of it ({@link Run#needs}); a kind added to the model
     * is here without anyone listing it.
     */
    static final List<Action> KINDS = prototypes(Action.class);

    private static List<Action> prototypes(Class<?> type) {
        List<Action> out = new ArrayList<>();
        for (Class<?> sub : type.getPermittedSubclasses()) {
            if (sub.isInterface()) {
                out.addAll(prototypes(sub));
                continue;
            }
            RecordComponent[] components = sub.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Object[] args = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                args[i] = types[i] == int.class ? (Object) 0 : Status.CANCELLED;
            }
            try {
                out.add((Action) sub.getDeclaredConstructor(types).newInstance(args));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("no prototype of the action " + sub.getSimpleName(), e);
            }
        }
        return List.copyOf(out);
    }

    public Coverage {
        capabilities = Set.copyOf(capabilities);
        kindsPlayed = Map.copyOf(kindsPlayed);
        kindsNotPlayed = Map.copyOf(kindsNotPlayed);
        faults = Map.copyOf(faults);
    }

    static String kind(Action action) { return action.getClass().getSimpleName(); }

    /** Whether the sink's reports of its listener's errors were checked: only a sink that promises them is. */
    public boolean reportsChecked() { return capabilities.contains(Capability.LISTENER_ERRORS); }

    /** The capabilities the adapter does not declare. */
    public Set<Capability> missing() {
        Set<Capability> missing = EnumSet.allOf(Capability.class);
        missing.removeAll(capabilities);
        return missing;
    }

    /** What the text reports print, a line each. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("coverage, given the declared capabilities" + (missing().isEmpty() ? " (all of them)"
                : " (not declared: " + missing().stream().map(Enum::name).sorted().collect(Collectors.joining(", ")) + ")") + ":");
        lines.add(String.format(Locale.ROOT, "  state graph: %d edges, %d actions; reachable with these capabilities: %d edges, %d actions;"
                + " played: %d edges, %d actions", edges, actions, reachableEdges, reachableActions, playedEdges, playedActions));
        lines.add("  action kinds played (steps): " + KINDS.stream().map(Coverage::kind).filter(kindsPlayed::containsKey)
                .map(k -> k + " " + kindsPlayed.get(k)).collect(Collectors.joining(", ")));
        if (!kindsNotPlayed.isEmpty()) {
            lines.add("  never played: " + KINDS.stream().map(Coverage::kind).filter(kindsNotPlayed::containsKey)
                    .map(k -> k + " (" + kindsNotPlayed.get(k) + ")").collect(Collectors.joining("; ")));
        }
        List<String> faultLines = new ArrayList<>();
        for (ListenerFault fault : ListenerFault.values()) {
            Faults f = faults.get(fault);
            if (f == null || f.played() == 0) {
                faultLines.add(fault.words() + ": never played");
                continue;
            }
            faultLines.add(fault.words() + ": played " + f.played() + ", contained " + f.contained()
                    + (reportsChecked() ? ", reported " + f.reported() : ", reports not checked (" + Capability.LISTENER_ERRORS + " not declared)"));
        }
        lines.add("  listener faults: " + String.join("; ", faultLines));
        return lines;
    }

    /** The same facts as JSON. */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        JsonArray declared = new JsonArray();
        capabilities.stream().map(Enum::name).sorted().forEach(declared::add);
        o.add("capabilities", declared);
        o.addProperty("edges", edges);
        o.addProperty("reachableEdges", reachableEdges);
        o.addProperty("playedEdges", playedEdges);
        o.addProperty("actions", actions);
        o.addProperty("reachableActions", reachableActions);
        o.addProperty("playedActions", playedActions);
        JsonObject played = new JsonObject();
        kindsPlayed.forEach(played::addProperty);
        o.add("kindsPlayed", played);
        JsonObject notPlayed = new JsonObject();
        kindsNotPlayed.forEach(notPlayed::addProperty);
        o.add("kindsNotPlayed", notPlayed);
        JsonObject faultsJson = new JsonObject();
        for (ListenerFault fault : ListenerFault.values()) {
            Faults f = faults.getOrDefault(fault, new Faults(0, 0, 0));
            JsonObject one = new JsonObject();
            one.addProperty("played", f.played());
            one.addProperty("contained", f.contained());
            if (reportsChecked()) one.addProperty("reported", f.reported());
            faultsJson.add(fault.name().toLowerCase(Locale.ROOT), one);
        }
        o.add("listenerFaults", faultsJson);
        o.addProperty("reportsChecked", reportsChecked());
        return o;
    }

    /** What a run played, behaviour by behaviour; {@link #coverage} sums it up. */
    static final class Tally {
        private final Set<Capability> capabilities;
        private final Map<String, Long> kinds = new LinkedHashMap<>();
        private final long[] played = new long[ListenerFault.values().length];
        private final long[] contained = new long[ListenerFault.values().length];

        Tally(Set<Capability> capabilities) {
            this.capabilities = capabilities;
        }

        /**
         * A behaviour of {@code model} as {@code outcome} says it was played: its steps, the last of which held
         * unless the outcome ends in a violation (a declared deviation is not one), without the actions it
         * skipped past a deviation; the model's states after each action, or null to compute them; whether
         * listeners threw from finals.
         */
        void played(Model model, List<Action> actions, List<ModelState> states, Run.Outcome outcome, boolean throwingFinals) {
            int steps = outcome.steps();
            boolean passed = outcome.violations().isEmpty();
            ModelState before = model.initial();
            for (int i = 0; i < steps; i++) {
                if (outcome.skipped().get(i)) continue;
                Action action = actions.get(i);
                kinds.merge(kind(action), 1L, Long::sum);
                boolean held = passed || i < steps - 1;
                if (action instanceof Action.ListenerThrows) count(ListenerFault.OBJECT, 1, held);
                if (action instanceof Action.ProgressThrows) count(ListenerFault.PROGRESS, 1, held);
                if (throwingFinals) {
                    ModelState after = states != null ? states.get(i) : model.apply(before, action);
                    int finals = 0;
                    for (int c = 0; c < after.calls(); c++) if (after.status(c).isFinal() && !before.status(c).isFinal()) finals++;
                    count(ListenerFault.FINAL, finals, held);
                    before = after;
                }
            }
        }

        private void count(ListenerFault fault, int n, boolean held) {
            played[fault.ordinal()] += n;
            if (held) contained[fault.ordinal()] += n;
        }

        /** The coverage of the run, with what the graph and the replay say of edges and actions. */
        Coverage coverage(int edges, int reachableEdges, int playedEdges, int actions, int reachableActions, int playedActions) {
            Map<String, String> notPlayed = new LinkedHashMap<>();
            for (Action kind : KINDS) {
                if (kinds.containsKey(kind(kind))) continue;
                Set<Capability> missing = EnumSet.noneOf(Capability.class);
                missing.addAll(Run.needs(kind));
                missing.removeAll(capabilities);
                notPlayed.put(kind(kind), missing.isEmpty() ? "none of the replayed paths and walks played it"
                        : missing.stream().map(c -> c + " not declared: " + c.reason()).collect(Collectors.joining("; ")));
            }
            Map<ListenerFault, Faults> faults = new LinkedHashMap<>();
            boolean reports = capabilities.contains(Capability.LISTENER_ERRORS);
            for (ListenerFault fault : ListenerFault.values()) {
                long c = contained[fault.ordinal()];
                faults.put(fault, new Faults(played[fault.ordinal()], c, reports ? c : 0));
            }
            return new Coverage(capabilities, edges, reachableEdges, playedEdges, actions, reachableActions, playedActions,
                    kinds, notPlayed, faults);
        }
    }
}
