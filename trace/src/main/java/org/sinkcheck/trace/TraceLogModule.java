package org.sinkcheck.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.sinkcheck.kit.trace.TraceEvent;
import org.sinkcheck.kit.trace.TraceEvent.Kind;

/**
 * The generated module {@code TraceLog} that {@code CancelAllTrace.tla} extends: segments of a trace as
 * constant TLA+ sequences (TLC 2.18 reads no JSON, so the trace reaches it as TLA+). {@code Logs[i][j]}
 * is a record per event, every field present so that TLC compares like with like:
 * {@code k} kind, {@code op}, {@code t} thread, {@code s} sink, {@code c} call, {@code ev} callback,
 * {@code n} objects (for {@code pending}: the count answered), {@code ok} the answer, {@code threw},
 * {@code m} the segment-local index of an event's partner (0: none). What an operation answered is
 * copied from its return onto its invocation, because its linearization point needs it. Calls are
 * renamed {@code c1, c2, …} and threads {@code 1, 2, …} per segment (in order of first mention), so that
 * one set of calls serves every segment of the module; {@link #callNames} maps the calls back.
 *
 * <p>How it reaches TLC, and why: written as records, a 100,000-event trace is 13 MB of TLA+ that SANY,
 * TLC's parser, took longer to read than TLC took to check it (seen when this was written; that
 * measurement is not in docs/measurements). So each event is written as three whole numbers ({@code Raw}) and
 * the module itself decodes them into the records ({@code Logs}), a constant TLC evaluates once at
 * start-up. The encoding and its decoder are both written here, from the same tables, so they cannot
 * drift apart; a field out of its range is refused with the event's line rather than wrapped around.
 */
final class TraceLogModule {
    /**
     * The value tables: the first word indexes these (0-based; the TLA+ tuples are 1-based). The empty
     * string is every field's "not this kind of event".
     */
    private static final List<String> KINDS = kinds();
    private static final List<String> OPS = List.of("", "begin", "object", "progress", "complete", "fail", "cancel", "pending", "told");
    private static final List<String> EVENTS = List.of("", "object", "progress", "completed", "failed", "cancelled");
    /** The calls' table starts with the names that are not calls of the segment. */
    private static final List<String> NOT_CALLS = List.of("", "forged", "unknown");
    // Word 1: kind (3 bits), op (4), event (3), ok (1), threw (1), then the sink's index.
    private static final int KIND_BASE = 8, OP_BASE = 16, EVENT_BASE = 8, FLAG_BASE = 2;
    private static final int SINK_UNIT = KIND_BASE * OP_BASE * EVENT_BASE * FLAG_BASE * FLAG_BASE;
    // Word 2: thread, then partner; word 3: call, then n. The units leave each word below 2^31 (TLC's integers).
    private static final int THREAD_UNIT = 1 << 12, CALL_UNIT = 1 << 16;

    private final String text;
    private final List<Map<String, String>> callNames;

    private TraceLogModule(String text, List<Map<String, String>> callNames) {
        this.text = text;
        this.callNames = callNames;
    }

    String text() { return text; }

    /** Per segment of the module: local call name to the trace's own. */
    List<Map<String, String>> callNames() { return callNames; }

    static TraceLogModule of(TraceFile trace, List<Segment> segments) {
        TreeSet<String> sinkSet = new TreeSet<>();
        for (Segment segment : segments) {
            for (int i = segment.from(); i < segment.to(); i++) if (!trace.event(i).sink().isEmpty()) sinkSet.add(trace.event(i).sink());
            segment.prior(trace).values().forEach(p -> sinkSet.add(p.sink()));
        }
        List<String> sinks = new ArrayList<>(List.of(""));
        sinks.addAll(sinkSet);
        List<Map<String, String>> names = new ArrayList<>();
        StringBuilder raw = new StringBuilder();
        StringBuilder priors = new StringBuilder();
        int maxCalls = 0;
        int maxLen = 1;
        for (Segment segment : segments) {
            Map<String, String> local = new LinkedHashMap<>();   // trace id -> local name
            Map<Integer, Integer> threads = new HashMap<>();     // trace thread -> local number
            Map<String, Segment.Prior> prior = segment.prior(trace);
            StringBuilder words = new StringBuilder();
            for (int i = segment.from(); i < segment.to(); i++) {
                TraceEvent e = trace.event(i);
                TraceEvent answer = e.kind() == Kind.INV && trace.partner(i) >= 0 ? trace.event(trace.partner(i)) : e;
                int partner = trace.partner(i);
                int m = partner >= segment.from() && partner < segment.to() ? partner - segment.from() + 1 : 0;
                int n = e.op().equals("pending") ? answer.n() : e.n();
                String call = localCall(e.call(), local);
                int callIndex = NOT_CALLS.contains(call) ? NOT_CALLS.indexOf(call) : NOT_CALLS.size() - 1 + Integer.parseInt(call.substring(1));
                int thread = threads.computeIfAbsent(e.thread(), t -> threads.size() + 1);
                String at = trace.source() + ":" + trace.line(i) + ": ";
                long w1 = KINDS.indexOf(e.kind().wire()) + (long) KIND_BASE * (OPS.indexOf(e.op()) + (long) OP_BASE
                        * (EVENTS.indexOf(e.event()) + (long) EVENT_BASE * ((answer.ok() ? 1 : 0) + (long) FLAG_BASE * (answer.threw() ? 1 : 0))))
                        + (long) SINK_UNIT * sinks.indexOf(e.sink());
                long w2 = thread + (long) THREAD_UNIT * within(m, Integer.MAX_VALUE / THREAD_UNIT, at, "its partner's index in the segment");
                long w3 = within(callIndex, CALL_UNIT - 1, at, "its call's index in the segment")
                        + (long) CALL_UNIT * within(n, Integer.MAX_VALUE / CALL_UNIT, at, "n");
                within(thread, THREAD_UNIT - 1, at, "its thread's number in the segment");
                within(w1, Integer.MAX_VALUE, at, "its sink's index");
                words.append(i == segment.from() ? "" : i % 8 == 0 ? ",\n" : ", ").append(w1).append(", ").append(w2).append(", ").append(w3);
            }
            // A record is a function from its field names: [c3 |-> [...], ...] (a chain of @@ would nest TLC's evaluation).
            StringBuilder p = new StringBuilder();
            for (Map.Entry<String, Segment.Prior> entry : prior.entrySet()) {
                p.append(p.length() == 0 ? "[" : ", ");
                p.append(local.get(entry.getKey())).append(" |-> [sink |-> ").append(str(entry.getValue().sink()))
                        .append(", final |-> ").append(str(entry.getValue().fin())).append(']');
            }
            priors.append(priors.length() == 0 ? "  " : ", ")
                    .append(p.length() == 0 ? "[c \\in {} |-> [sink |-> \"\", final |-> \"\"]]" : p.append(']')).append('\n');
            raw.append(raw.length() == 0 ? "  " : ", ").append("<<\n").append(words).append("\n  >>\n");
            maxCalls = Math.max(maxCalls, local.size());
            maxLen = Math.max(maxLen, segment.size());
            Map<String, String> back = new LinkedHashMap<>();
            local.forEach((traceId, name) -> back.put(name, traceId));
            names.add(back);
        }
        List<String> calls = new ArrayList<>(NOT_CALLS);
        for (int c = 1; c <= maxCalls; c++) calls.add("c" + c);
        String text = "---- MODULE TraceLog ----\n"
                + "\\* Generated by sinkcheck from " + trace.source().replace('\n', ' ') + ": " + segments.size()
                + " segment(s); do not edit (CancelAllTrace.tla reads it; TraceLogModule.java says how it is encoded).\n"
                + "EXTENDS Naturals, Sequences, TLC\n"
                + "LogSinks == " + set(sinks.subList(1, sinks.size())) + "\n"
                + "LogCalls == " + set(calls.subList(NOT_CALLS.size(), calls.size())) + "\n"
                + "MaxLen == " + maxLen + "\n"
                + "Priors == <<\n" + priors + ">>\n"
                + "Raw == <<\n" + raw + ">>\n"
                + "\\* Event j of a segment is the words 3j-2, 3j-1, 3j of its Raw: see TraceLogModule.java.\n"
                + "KindName == " + tuple(KINDS) + "\n"
                + "OpName == " + tuple(OPS) + "\n"
                + "EventName == " + tuple(EVENTS) + "\n"
                + "SinkName == " + tuple(sinks) + "\n"
                + "CallName == " + tuple(calls) + "\n"
                + "Decoded(w1, w2, w3) ==\n"
                + "    [k |-> KindName[(w1 % " + KIND_BASE + ") + 1], op |-> OpName[((w1 \\div " + KIND_BASE + ") % " + OP_BASE + ") + 1],\n"
                + "     ev |-> EventName[((w1 \\div " + KIND_BASE * OP_BASE + ") % " + EVENT_BASE + ") + 1],\n"
                + "     ok |-> (w1 \\div " + KIND_BASE * OP_BASE * EVENT_BASE + ") % 2 = 1, threw |-> (w1 \\div "
                + KIND_BASE * OP_BASE * EVENT_BASE * FLAG_BASE + ") % 2 = 1,\n"
                + "     s |-> SinkName[(w1 \\div " + SINK_UNIT + ") + 1], t |-> w2 % " + THREAD_UNIT + ", m |-> w2 \\div " + THREAD_UNIT + ",\n"
                + "     c |-> CallName[(w3 % " + CALL_UNIT + ") + 1], n |-> w3 \\div " + CALL_UNIT + "]\n"
                + "Logs == [i \\in 1..Len(Raw) |-> LET r == Raw[i] IN\n"
                + "            [j \\in 1..(Len(r) \\div 3) |-> Decoded(r[3 * j - 2], r[3 * j - 1], r[3 * j])]]\n"
                + "====\n";
        return new TraceLogModule(text, names);
    }

    private static List<String> kinds() {
        List<String> k = new ArrayList<>();
        for (Kind kind : Kind.values()) k.add(kind.wire());
        return List.copyOf(k);
    }

    private static long within(long value, long max, String at, String what) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(at + what + " is " + value + ", beyond the " + max + " a generated TraceLog can hold");
        }
        return value;
    }

    /** The segment-local name of trace call {@code id}: c1, c2, … in order of first mention; forged and unknown stay as they are. */
    private static String localCall(String id, Map<String, String> local) {
        if (NOT_CALLS.contains(id)) return id;
        return local.computeIfAbsent(id, k -> "c" + (local.size() + 1));
    }

    private static String set(List<String> names) {
        return "{" + String.join(", ", names.stream().map(TraceLogModule::str).toList()) + "}";
    }

    private static String tuple(List<String> names) {
        return "<<" + String.join(", ", names.stream().map(TraceLogModule::str).toList()) + ">>";
    }

    private static String str(String s) { return "\"" + s + "\""; }
}
