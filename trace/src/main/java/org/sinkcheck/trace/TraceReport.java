package org.sinkcheck.trace;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import org.sinkcheck.rules.Rule;

/**
 * What validating one trace found: how much TLC checked, and either acceptance, the first rejected
 * segment (with the rule, the shortest unexplained prefix and the events around it), or why TLC could
 * not check it.
 *
 * @param source    the trace file (or the recorder's name for it)
 * @param segments  segments checked, the rejected one included
 * @param events    events explained
 * @param states    distinct states TLC found, over every run
 * @param elapsed   wall-clock time, TLC's child JVMs included
 * @param rejection the first segment no behaviour of the spec explains, if any
 * @param error     why TLC could not check the trace, if it could not
 */
public record TraceReport(TraceFile trace, String source, int segments, long events, long states, Duration elapsed,
                          Optional<Rejection> rejection, Optional<String> error) {

    /** The first unexplained segment: the events of {@code segment} up to {@code explained} are explained, the next is not. */
    public record Rejection(Segment segment, int explained, Diagnosis.Finding finding) {
        public Optional<Rule> rule() { return finding.rule(); }

        public String why() { return finding.why(); }

        /** Another rule the same log fits just as well, where the log cannot tell the two apart. */
        public Optional<Rule> alsoFits() { return finding.alsoFits(); }
    }

    static TraceReport accepted(TraceFile t, int segments, long events, long states, Duration elapsed) {
        return new TraceReport(t, t.source(), segments, events, states, elapsed, Optional.empty(), Optional.empty());
    }

    static TraceReport rejected(TraceFile t, int segments, long events, long states, Duration elapsed, Rejection r) {
        return new TraceReport(t, t.source(), segments, events, states, elapsed, Optional.of(r), Optional.empty());
    }

    static TraceReport error(TraceFile t, int segments, long events, long states, Duration elapsed, String why) {
        return new TraceReport(t, t.source(), segments, events, states, elapsed, Optional.empty(), Optional.of(why));
    }

    public boolean accepted() { return rejection.isEmpty() && error.isEmpty(); }

    /** Events explained per second of wall-clock time. */
    public double eventsPerSecond() { return events / Math.max(1e-9, elapsed.toNanos() / 1e9); }

    /** The report a person reads: the totals, and for a rejection the rule, the prefix, the events around it and the command. */
    public void print(PrintStream out) {
        String totals = String.format("%d segment(s), %,d events, %,d distinct states, %.1f s (%,.0f events/s)",
                segments, events, states, elapsed.toNanos() / 1e9, eventsPerSecond());
        if (error.isPresent()) {
            out.println("trace NOT CHECKED: " + error.get());
            out.println("  checked before that: " + totals);
            return;
        }
        if (rejection.isEmpty()) {
            out.println("trace ACCEPTED by TLC (CancelAll.tla): " + totals);
            return;
        }
        Rejection r = rejection.get();
        Segment s = r.segment();
        int u = s.from() + r.explained();
        String rule = r.rule().map(x -> x.id() + " violated: " + x.summary()).orElse("no rule named");
        out.println("trace REJECTED by TLC (CancelAll.tla): " + rule);
        out.println("  " + r.why());
        String end = u < s.to() ? "line " + trace.line(u) : "the end of the trace (line " + trace.line(s.to() - 1) + ")";
        out.println("  the shortest unexplained prefix: segment " + s.index() + ", lines " + trace.line(s.from()) + "-"
                + (u < s.to() ? trace.line(u) : trace.line(s.to() - 1)) + " (it starts at a quiet point); no behaviour of the spec explains "
                + end + " after the " + r.explained() + " events before it:");
        for (int i = Math.max(s.from(), u - 8); i < Math.min(s.to(), u + 3); i++) {
            out.println((i == u ? "  > " : "    ") + trace.line(i) + ": " + trace.event(i).toJson());
        }
        out.println("  checked: " + totals);
        out.println(isAFile(source) ? "re-validate: ./sinkcheck trace --validate " + source
                : "re-validate: write the trace to a file (TraceRecorder.write), then ./sinkcheck trace --validate FILE (" + source + " is not a file)");
    }

    /** Whether {@code source} names a file (a trace recorded in memory has a name that does not). */
    private static boolean isAFile(String source) {
        try {
            return java.nio.file.Files.isRegularFile(java.nio.file.Path.of(source));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }
}
