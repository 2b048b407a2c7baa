package org.sinkcheck.trace;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sinkcheck.kit.trace.TraceEvent;
import org.sinkcheck.kit.trace.TraceEvent.Kind;

/**
 * A trace as read from its NDJSON file (or taken from a recorder in memory): its events in ticket
 * order, each with its line number and its partner (an invocation's return, a callback's end, and back).
 * Reading checks the shape a recorder writes — tickets strictly increasing, and on each thread
 * invocations and callbacks nested and closed in order — and names the first line that breaks it. An
 * invocation or callback still open at the end of the file is allowed: a thread that never came back is
 * something the validator reports, not a malformed file.
 */
public final class TraceFile {
    private final String source;
    private final List<TraceEvent> events;
    private final int[] lineNumbers;
    private final int[] partner;

    private TraceFile(String source, List<TraceEvent> events, int[] lineNumbers) {
        this.source = source;
        this.events = List.copyOf(events);
        this.lineNumbers = lineNumbers;
        this.partner = pair(source, this.events, lineNumbers);
    }

    /** Thrown for a file that is missing, unreadable or not a trace; the message is one line naming the file and line. */
    public static final class BadTraceException extends RuntimeException {
        BadTraceException(String message) { super(message); }
    }

    /** Reads {@code file}; blank lines are skipped (and still counted). */
    public static TraceFile read(Path file) {
        List<TraceEvent> events = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) continue;
                try {
                    events.add(TraceEvent.fromJson(line));
                } catch (IllegalArgumentException e) {
                    throw new BadTraceException(file + ":" + number + ": " + e.getMessage());
                }
                numbers.add(number);
            }
        } catch (NoSuchFileException e) {
            throw new BadTraceException("no trace file " + file);
        } catch (IOException e) {
            throw new BadTraceException("cannot read the trace file " + file + ": " + e.getMessage());
        }
        if (events.isEmpty()) throw new BadTraceException(file + ": the trace holds no event");
        return new TraceFile(file.toString(), events, numbers.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The events a recorder holds, as if written and read back (line i + 1 is event i). */
    public static TraceFile of(String source, List<TraceEvent> events) {
        if (events.isEmpty()) throw new BadTraceException(source + ": the trace holds no event");
        int[] numbers = new int[events.size()];
        for (int i = 0; i < numbers.length; i++) numbers[i] = i + 1;
        return new TraceFile(source, events, numbers);
    }

    public String source() { return source; }

    public int size() { return events.size(); }

    public TraceEvent event(int i) { return events.get(i); }

    public List<TraceEvent> events() { return events; }

    /** The line of the file that holds event {@code i}. */
    public int line(int i) { return lineNumbers[i]; }

    /** For an invocation its return, for a return its invocation, for a callback its end and back; -1 if none. */
    public int partner(int i) { return partner[i]; }

    private static int[] pair(String source, List<TraceEvent> events, int[] lines) {
        int[] partner = new int[events.size()];
        java.util.Arrays.fill(partner, -1);
        Map<Integer, Deque<Integer>> open = new HashMap<>();
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < events.size(); i++) {
            TraceEvent e = events.get(i);
            String at = source + ":" + lines[i] + ": ";
            if (e.seq() <= previous) throw new BadTraceException(at + "seq " + e.seq() + " is not after the previous event's " + previous + " (a trace is in ticket order)");
            previous = e.seq();
            if (e.thread() < 1) throw new BadTraceException(at + "thread " + e.thread() + " is not a thread number (1, 2, ...)");
            Deque<Integer> stack = open.computeIfAbsent(e.thread(), t -> new ArrayDeque<>());
            if (e.kind() == Kind.INV || e.kind() == Kind.CB) {
                stack.push(i);
            } else if (e.kind() == Kind.RET || e.kind() == Kind.CB_END) {
                Integer opened = stack.poll();
                TraceEvent o = opened == null ? null : events.get(opened);
                boolean matches = o != null && (e.kind() == Kind.RET
                        ? o.kind() == Kind.INV && o.op().equals(e.op()) && o.sink().equals(e.sink()) && o.call().equals(e.call())
                        : o.kind() == Kind.CB && o.call().equals(e.call()));
                if (!matches) {
                    String what = e.kind() == Kind.RET ? "the return of " + e.op() + (e.call().isEmpty() ? "" : " " + e.call())
                            : "the end of a callback of " + e.call();
                    throw new BadTraceException(at + what + " on thread " + e.thread() + " closes "
                            + (o == null ? "nothing" : "line " + lines[opened] + " (" + o.kind().wire() + ")")
                            + ": each thread's invocations and callbacks end innermost first");
                }
                partner[i] = opened;
                partner[opened] = i;
            }
        }
        return partner;
    }
}
