package org.sinkcheck.kit.trace;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.Locale;
import java.util.Objects;

/**
 * One line of a trace: what one thread did or heard at one ticket. The NDJSON field names are defined
 * here once, for the recorder that writes them and the validator that reads them.
 *
 * <p>A plain class, not a record: Lincheck 2.39 reads every field (static ones too) of the classes a
 * scenario instance reaches through Unsafe, which refuses a record's, and the Lincheck scenarios are
 * recorded ({@code RaceTraces}), so their recorders' events are reached.
 */
public final class TraceEvent {
    private final long seq;
    private final int thread;
    private final Kind kind;
    private final String op;
    private final String sink;
    private final String call;
    private final String event;
    private final int n;
    private final boolean ok;
    private final boolean threw;

    /** What an event is. */
    public enum Kind {
        /** An operation was invoked (its ticket is taken before the sink is entered). */
        INV,
        /** An operation returned or threw (its ticket is taken after the sink returned). */
        RET,
        /** A listener callback started. */
        CB,
        /** A listener callback ended; {@code threw} if the listener threw. */
        CB_END,
        /** The sink reported that its listener threw (SC-15). */
        REPORT,
        /** The workload says: no call is pending and no thread is inside the sink. */
        QUIET;

        public String wire() { return name().toLowerCase(Locale.ROOT).replace("_e", "E"); }

        static Kind ofWire(String s) {
            for (Kind k : values()) if (k.wire().equals(s)) return k;
            return null;
        }
    }

    /** The operations a trace records, by their wire names (the {@link org.sinkcheck.kit.SinkAdapter} methods). */
    public static final java.util.Set<String> OPS = java.util.Set.of(
            "begin", "object", "progress", "complete", "fail", "cancel", "pending", "told");
    public static final java.util.Set<String> CALLBACKS = java.util.Set.of(
            "object", "progress", "completed", "failed", "cancelled");

    /**
     * @param seq    the global ticket: events are ordered by it (see {@link TraceRecorder} for what that guarantees)
     * @param thread the recording thread's number, from 1
     * @param kind   what happened
     * @param op     for {@link Kind#INV} and {@link Kind#RET}: the operation; otherwise empty
     * @param sink   the sink the operation was on, or whose listener heard the callback ({@code s1}, …)
     * @param call   the call ({@code c1}, …; {@code forged} for a handle no sink issued); empty if none
     * @param event  for {@link Kind#CB}: the callback ({@code object}, {@code progress}, {@code completed},
     *               {@code failed}, {@code cancelled}); otherwise empty
     * @param n      objects in a signal (a batch has several); for {@code pending}: the count answered
     * @param ok     for {@link Kind#RET}: the sink's answer (accepted, or what {@code told} said)
     * @param threw  for {@link Kind#RET}: the operation threw; for {@link Kind#CB_END}: the listener threw
     */
    public TraceEvent(long seq, int thread, Kind kind, String op, String sink, String call, String event,
                      int n, boolean ok, boolean threw) {
        this.seq = seq;
        this.thread = thread;
        this.kind = Objects.requireNonNull(kind, "kind");
        this.op = op == null ? "" : op;
        this.sink = sink == null ? "" : sink;
        this.call = call == null ? "" : call;
        this.event = event == null ? "" : event;
        this.n = n;
        this.ok = ok;
        this.threw = threw;
    }

    public long seq() { return seq; }

    public int thread() { return thread; }

    public Kind kind() { return kind; }

    public String op() { return op; }

    public String sink() { return sink; }

    public String call() { return call; }

    public String event() { return event; }

    public int n() { return n; }

    public boolean ok() { return ok; }

    public boolean threw() { return threw; }

    @Override
    public boolean equals(Object o) {
        return o instanceof TraceEvent e && seq == e.seq && thread == e.thread && kind == e.kind && op.equals(e.op)
                && sink.equals(e.sink) && call.equals(e.call) && event.equals(e.event) && n == e.n && ok == e.ok && threw == e.threw;
    }

    @Override
    public int hashCode() { return Objects.hash(seq, thread, kind, op, sink, call, event, n, ok, threw); }

    /** The NDJSON line, as a reader of a failed assertion wants it. */
    @Override
    public String toString() { return toJson(); }

    /** The event as one NDJSON line (no newline). Fields that do not apply to its kind are left out. */
    public String toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("seq", seq);
        o.addProperty("thread", thread);
        o.addProperty("kind", kind.wire());
        if (!op.isEmpty()) o.addProperty("op", op);
        if (!sink.isEmpty()) o.addProperty("sink", sink);
        if (!call.isEmpty()) o.addProperty("call", call);
        if (!event.isEmpty()) o.addProperty("event", event);
        if (kind == Kind.INV && n != 0) o.addProperty("n", n);
        if (kind == Kind.RET) {
            o.addProperty("ok", ok);
            if (op.equals("pending")) o.addProperty("n", n);
        }
        if ((kind == Kind.RET || kind == Kind.CB_END) && threw) o.addProperty("threw", true);
        return o.toString();
    }

    /**
     * Reads one NDJSON line.
     *
     * @throws IllegalArgumentException with a one-line message saying what is wrong with it
     */
    public static TraceEvent fromJson(String line) {
        JsonElement parsed;
        try {
            parsed = JsonParser.parseString(line);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("not JSON: " + firstLine(e.getMessage()));
        }
        if (!parsed.isJsonObject()) throw new IllegalArgumentException("not a JSON object: " + abbreviate(line));
        JsonObject o = parsed.getAsJsonObject();
        Kind kind = Kind.ofWire(text(o, "kind", true));
        if (kind == null) throw new IllegalArgumentException("unknown kind \"" + text(o, "kind", true) + "\"");
        String op = text(o, "op", kind == Kind.INV || kind == Kind.RET);
        if (!op.isEmpty() && !OPS.contains(op)) throw new IllegalArgumentException("unknown op \"" + op + "\" (ops: " + new java.util.TreeSet<>(OPS) + ")");
        String event = text(o, "event", kind == Kind.CB);
        if (!event.isEmpty() && !CALLBACKS.contains(event)) throw new IllegalArgumentException("unknown event \"" + event + "\"");
        boolean needsCall = kind == Kind.CB || kind == Kind.CB_END || kind == Kind.REPORT;
        return new TraceEvent(number(o, "seq", true), (int) number(o, "thread", true), kind, op,
                text(o, "sink", kind != Kind.QUIET && kind != Kind.CB_END), text(o, "call", needsCall), event,
                (int) number(o, "n", false), flag(o, "ok"), flag(o, "threw"));
    }

    private static String text(JsonObject o, String field, boolean required) {
        JsonElement e = o.get(field);
        if (e == null || e.isJsonNull()) {
            if (required) throw new IllegalArgumentException("missing field \"" + field + "\"");
            return "";
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) throw new IllegalArgumentException("field \"" + field + "\" is not a string: " + e);
        String s = e.getAsString();
        if (!s.matches("[A-Za-z0-9_.:-]*")) throw new IllegalArgumentException("field \"" + field + "\" holds characters other than letters, digits and _.:-: " + e);
        return s;
    }

    private static long number(JsonObject o, String field, boolean required) {
        JsonElement e = o.get(field);
        if (e == null || e.isJsonNull()) {
            if (required) throw new IllegalArgumentException("missing field \"" + field + "\"");
            return 0;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) throw new IllegalArgumentException("field \"" + field + "\" is not a number: " + e);
        try {
            long v = e.getAsBigDecimal().longValueExact();
            if (v < 0 || v > Integer.MAX_VALUE && !field.equals("seq")) throw new IllegalArgumentException("field \"" + field + "\" is out of range: " + e);
            return v;
        } catch (ArithmeticException notWhole) {
            throw new IllegalArgumentException("field \"" + field + "\" is not a whole number: " + e);
        }
    }

    private static boolean flag(JsonObject o, String field) {
        JsonElement e = o.get(field);
        if (e == null || e.isJsonNull()) return false;
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) throw new IllegalArgumentException("field \"" + field + "\" is not true or false: " + e);
        return e.getAsBoolean();
    }

    private static String firstLine(String s) {
        if (s == null) return "unreadable";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
