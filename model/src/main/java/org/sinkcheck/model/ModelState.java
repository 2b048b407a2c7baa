package org.sinkcheck.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One state of CancelAll.tla, immutable: {@code owner}, {@code status}, {@code heard}, {@code registry},
 * {@code faulted}, with sinks and calls numbered from 0. Equality is value equality, so states can be
 * matched one to one against TLC's.
 */
public final class ModelState {
    /** {@code owner[c]}: the sink call c is bound to, or {@link #NO_SINK}. */
    public static final int NO_SINK = -1;

    private final int[] owner;
    private final Status[] status;
    private final List<List<List<EventKind>>> heard;   // [sink][call] -> events, all unmodifiable
    private final boolean[][] registry;                // [sink][call]
    private final boolean[] faulted;
    /**
     * Computed on first use (0: not yet), as {@code String.hash} is: a long walk's states are many and
     * large, and few are ever hashed. A racy read recomputes the same value, so no ordering is needed.
     */
    private int hash;

    ModelState(int[] owner, Status[] status, List<List<List<EventKind>>> heard, boolean[][] registry, boolean[] faulted) {
        this.owner = owner;
        this.status = status;
        this.heard = heard;
        this.registry = registry;
        this.faulted = faulted;
    }

    /**
     * A state from its parts, e.g. one read from TLC's output; everything is copied and checked for
     * consistent dimensions ({@code heard} is indexed [sink][call], {@code registry} [sink][call]).
     */
    public static ModelState of(int[] owner, Status[] status, List<List<List<EventKind>>> heard,
                                boolean[][] registry, boolean[] faulted) {
        int calls = status.length;
        int sinks = registry.length;
        if (owner.length != calls || faulted.length != calls || heard.size() != sinks) {
            throw new IllegalArgumentException("inconsistent state dimensions: " + sinks + " sinks, " + calls + " calls");
        }
        List<List<List<EventKind>>> heardCopy = new ArrayList<>();
        boolean[][] registryCopy = new boolean[sinks][];
        for (int s = 0; s < sinks; s++) {
            if (heard.get(s).size() != calls || registry[s].length != calls) {
                throw new IllegalArgumentException("inconsistent state dimensions at sink " + Bounds.sinkName(s));
            }
            List<List<EventKind>> perSink = new ArrayList<>();
            for (List<EventKind> events : heard.get(s)) perSink.add(List.copyOf(events));
            heardCopy.add(List.copyOf(perSink));
            registryCopy[s] = registry[s].clone();
        }
        for (int c = 0; c < calls; c++) {
            if (owner[c] < NO_SINK || owner[c] >= sinks) throw new IllegalArgumentException("owner of " + Bounds.callName(c) + " out of range");
        }
        return new ModelState(owner.clone(), status.clone(), List.copyOf(heardCopy), registryCopy, faulted.clone());
    }

    static ModelState initial(Bounds b) {
        int[] owner = new int[b.calls()];
        Arrays.fill(owner, NO_SINK);
        Status[] status = new Status[b.calls()];
        Arrays.fill(status, Status.UNBORN);
        List<List<List<EventKind>>> heard = new ArrayList<>();
        for (int s = 0; s < b.sinks(); s++) {
            heard.add(Collections.nCopies(b.calls(), List.of()));
        }
        return new ModelState(owner, status, List.copyOf(heard), new boolean[b.sinks()][b.calls()], new boolean[b.calls()]);
    }

    public int sinks() { return registry.length; }

    public int calls() { return status.length; }

    public int owner(int call) { return owner[call]; }

    public Status status(int call) { return status[call]; }

    /** What the listener of {@code sink} observed of {@code call}. */
    public List<EventKind> heard(int sink, int call) { return heard.get(sink).get(call); }

    /** What the owner's listener observed of {@code call} (empty for an unborn call). */
    public List<EventKind> heardOf(int call) {
        return owner[call] == NO_SINK ? List.of() : heard(owner[call], call);
    }

    public boolean inRegistry(int sink, int call) { return registry[sink][call]; }

    /** The number of calls {@code sink} references. */
    public int registrySize(int sink) {
        int n = 0;
        for (boolean held : registry[sink]) if (held) n++;
        return n;
    }

    public boolean faulted(int call) { return faulted[call]; }

    /** The number of object and progress events call c has had. */
    public int signalCount(int call) {
        int n = 0;
        for (EventKind e : heardOf(call)) if (!e.isFinal()) n++;
        return n;
    }

    /** The pending calls of {@code sink}: {@code PendingOf(s)}. */
    public List<Integer> pendingOf(int sink) {
        List<Integer> calls = new ArrayList<>();
        for (int c = 0; c < status.length; c++) {
            if (owner[c] == sink && status[c] == Status.PENDING) calls.add(c);
        }
        return calls;
    }

    /** A mutable copy, for building the successor of an action. */
    Builder toBuilder() { return new Builder(this); }

    /**
     * The successor being built. The per-sink rows of {@code heard} and {@code registry} are copied only
     * when an action writes them, and the others shared with the state built from: a step touches one or
     * two sinks, and a long walk's states have many.
     */
    static final class Builder {
        final int[] owner;
        final Status[] status;
        final boolean[] faulted;
        private final ModelState from;
        private final List<List<EventKind>>[] heardRows;
        private final boolean[][] registryRows;

        @SuppressWarnings("unchecked")
        private Builder(ModelState from) {
            this.from = from;
            owner = from.owner.clone();
            status = from.status.clone();
            faulted = from.faulted.clone();
            heardRows = new List[from.registry.length];
            registryRows = new boolean[from.registry.length][];
        }

        /** The registry row of {@code sink}, to write. */
        boolean[] registry(int sink) {
            if (registryRows[sink] == null) registryRows[sink] = from.registry[sink].clone();
            return registryRows[sink];
        }

        void hear(int sink, int call, EventKind event) {
            if (heardRows[sink] == null) heardRows[sink] = new ArrayList<>(from.heard.get(sink));
            List<EventKind> events = new ArrayList<>(heardRows[sink].get(call));
            events.add(event);
            heardRows[sink].set(call, List.copyOf(events));
        }

        ModelState build() {
            int sinks = from.registry.length;
            List<List<List<EventKind>>> heard = new ArrayList<>(sinks);
            boolean[][] registry = new boolean[sinks][];
            for (int s = 0; s < sinks; s++) {
                heard.add(heardRows[s] == null ? from.heard.get(s) : List.copyOf(heardRows[s]));
                registry[s] = registryRows[s] == null ? from.registry[s] : registryRows[s];
            }
            return new ModelState(owner, status, List.copyOf(heard), registry, faulted);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof ModelState)) return false;
        ModelState other = (ModelState) o;
        return hashCode() == other.hashCode() && Arrays.equals(owner, other.owner) && Arrays.equals(status, other.status)
                && heard.equals(other.heard) && Arrays.deepEquals(registry, other.registry)
                && Arrays.equals(faulted, other.faulted);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Arrays.hashCode(owner) * 31 * 31 * 31 + Arrays.hashCode(status) * 31 * 31
                    + heard.hashCode() * 31 + Arrays.deepHashCode(registry) + Arrays.hashCode(faulted);
            hash = h;
        }
        return h;
    }

    /** The state in TLA+ notation, as TLC prints it (minus line breaks). */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append("owner = [");
        for (int c = 0; c < calls(); c++) {
            if (c > 0) sb.append(", ");
            sb.append(Bounds.callName(c)).append(" |-> \"")
              .append(owner[c] == NO_SINK ? "none" : Bounds.sinkName(owner[c])).append('"');
        }
        sb.append("] /\\ status = [");
        for (int c = 0; c < calls(); c++) {
            if (c > 0) sb.append(", ");
            sb.append(Bounds.callName(c)).append(" |-> \"").append(status[c].tla()).append('"');
        }
        sb.append("] /\\ heard = [");
        for (int s = 0; s < sinks(); s++) {
            if (s > 0) sb.append(", ");
            sb.append(Bounds.sinkName(s)).append(" |-> [");
            for (int c = 0; c < calls(); c++) {
                if (c > 0) sb.append(", ");
                sb.append(Bounds.callName(c)).append(" |-> <<");
                List<EventKind> events = heard(s, c);
                for (int i = 0; i < events.size(); i++) {
                    if (i > 0) sb.append(", ");
                    sb.append('"').append(events.get(i).tla()).append('"');
                }
                sb.append(">>");
            }
            sb.append(']');
        }
        sb.append("] /\\ registry = [");
        for (int s = 0; s < sinks(); s++) {
            if (s > 0) sb.append(", ");
            sb.append(Bounds.sinkName(s)).append(" |-> {");
            boolean first = true;
            for (int c = 0; c < calls(); c++) {
                if (!registry[s][c]) continue;
                if (!first) sb.append(", ");
                sb.append('"').append(Bounds.callName(c)).append('"');
                first = false;
            }
            sb.append('}');
        }
        sb.append("] /\\ faulted = [");
        for (int c = 0; c < calls(); c++) {
            if (c > 0) sb.append(", ");
            sb.append(Bounds.callName(c)).append(" |-> ").append(faulted[c] ? "TRUE" : "FALSE");
        }
        return sb.append(']').toString();
    }
}
