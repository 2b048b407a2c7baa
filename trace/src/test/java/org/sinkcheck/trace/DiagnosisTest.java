package org.sinkcheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sinkcheck.kit.trace.TraceEvent;
import org.sinkcheck.kit.trace.TraceEvent.Kind;
import org.sinkcheck.rules.Rule;

/**
 * The rule a rejected trace names when one callback breaks two rules at once, on hand-written traces of
 * a broken sink (each is what a mutant's run leaves): the precedence is {@code CallHistory.violation()}'s,
 * the one every tier names a history's rule with. Each test fails on the precedence it rules out: with
 * "after the final" judged before an overlap, the first names SC-04; with every overlap SC-09, the third
 * names SC-09; without the notes of what a log also fits, the second's SC-09 and the fourth's SC-05 are missing
 * (and {@code TraceValidationTest}'s mutants are named by rules they are not named after); with every
 * wrong "told" SC-12, the two "told" cases name SC-12 for a lost call (a recorded soak of
 * {@code SC06_BeginRacingCancelLosesCall} once did); judging one call's history at a time, the passed-over
 * call names no rule, as do the call passed over by a cancel that a refusal shows and, without the bound the log puts
 * on a cancel's step, the call begun before that step.
 */
class DiagnosisTest {
    private static final Path WORK = Path.of("target", "trace-tests");

    /**
     * A trace written one event per string: {@code "T inv OP SINK [CALL]"}, {@code "T ret OP SINK CALL|- ok|no"},
     * {@code "T cb SINK CALL EVENT"}, {@code "T end SINK CALL"} (T the thread), or {@code "quiet"}.
     */
    static TraceFile trace(String... events) {
        List<TraceEvent> list = new ArrayList<>();
        for (String line : events) {
            String[] w = line.split(" ");
            long seq = list.size() + 1;
            if (w[0].equals("quiet")) {
                list.add(new TraceEvent(seq, 1, Kind.QUIET, "", "", "", "", 0, false, false));
                continue;
            }
            int thread = Integer.parseInt(w[0]);
            String call = w.length > 4 && !w[4].equals("-") ? w[4] : "";
            int n = w[1].matches("inv|ret") && w[2].equals("object") ? 1 : 0;
            list.add(switch (w[1]) {
                case "inv" -> new TraceEvent(seq, thread, Kind.INV, w[2], w[3], call, "", n, false, false);
                case "ret" -> new TraceEvent(seq, thread, Kind.RET, w[2], w[3], call, "", n, w[5].equals("ok"), false);
                case "cb" -> new TraceEvent(seq, thread, Kind.CB, "", w[2], w[3], w[4], 0, false, false);
                case "end" -> new TraceEvent(seq, thread, Kind.CB_END, "", w[2], w[3], "", 0, false, false);
                default -> throw new IllegalArgumentException("not an event: " + line);
            });
        }
        return TraceFile.of("hand-written", list);
    }

    private static TraceReport.Rejection rejected(TraceFile trace) {
        TraceReport report = TraceValidator.defaults(WORK).validate(trace);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        report.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        System.out.print(bytes.toString(StandardCharsets.UTF_8));
        // a trace held in memory is no file to re-validate: the line says how to get one
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("re-validate: write the trace to a file (TraceRecorder.write), then "
                + "./sinkcheck trace --validate FILE (hand-written is not a file)"), bytes::toString);
        return report.rejection().orElseThrow(() -> new AssertionError("accepted:\n" + bytes));
    }

    /** Thread 2's object was admitted while thread 1's object callback ran, then the cancel; 1 sends onCancelled. */
    private static final String[] ADMITTED_DURING_A_CALLBACK = {"1 inv begin s1 c1", "1 ret begin s1 c1 ok",
            "1 inv object s1 c1", "1 cb s1 c1 object", "2 inv object s1 c1", "3 inv cancel s1", "1 end s1 c1",
            "1 cb s1 c1 cancelled"};

    @Test
    void SC09_anObjectCallbackThatStartsWhileOnCancelledRunsIsAnOverlap_notSC04() {
        TraceReport.Rejection r = rejected(trace(concat(ADMITTED_DURING_A_CALLBACK, "2 cb s1 c1 object", "2 end s1 c1",
                "2 ret object s1 c1 ok", "1 end s1 c1", "1 ret object s1 c1 ok", "3 ret cancel s1 - no", "quiet")));
        assertEquals(Optional.of(Rule.SC09), r.rule(), r.why());
        assertEquals(8, r.explained(), r.why());
        assertTrue(r.why().startsWith("callbacks of c1 overlap: object on thread 2 started while cancelled (line 8) ran on thread 1"), r.why());
    }

    @Test
    void SC04_anObjectCallbackAfterOnCancelledReturnedIsSC04_andFitsSC09WhenItsSignalWasSentDuringAnotherCallback() {
        TraceReport.Rejection r = rejected(trace(concat(ADMITTED_DURING_A_CALLBACK, "1 end s1 c1", "1 ret object s1 c1 ok",
                "2 cb s1 c1 object", "2 end s1 c1", "2 ret object s1 c1 ok", "3 ret cancel s1 - no", "quiet")));
        assertEquals(Optional.of(Rule.SC04), r.rule(), r.why());
        assertEquals(10, r.explained(), r.why());
        assertEquals(Optional.of(Rule.SC09), r.alsoFits(), r.why());
        assertTrue(r.why().contains("its signal (line 5) was sent while object of c1 (line 4) ran"), r.why());
    }

    @Test
    void SC05_aSecondFinalNestedInTheFirstIsJudgedAsAFinal_notAsAnOverlap() {
        TraceReport.Rejection r = rejected(trace("1 inv begin s1 c1", "1 ret begin s1 c1 ok", "1 inv complete s1 c1",
                "1 cb s1 c1 completed", "1 inv cancel s1", "1 cb s1 c1 cancelled", "1 end s1 c1", "1 ret cancel s1 - no",
                "1 end s1 c1", "1 ret complete s1 c1 ok", "quiet"));
        assertEquals(Optional.of(Rule.SC05), r.rule(), r.why());
        assertEquals(5, r.explained(), r.why());
        assertEquals(Optional.empty(), r.alsoFits(), r.why());
    }

    @Test
    void SC03_theSameFinalTwiceIsSC03_andFitsSC05WhileACancelOfItsSinkRan() {
        TraceReport.Rejection r = rejected(trace("1 inv begin s1 c1", "1 ret begin s1 c1 ok", "1 inv complete s1 c1", "2 inv cancel s1",
                "1 cb s1 c1 completed", "1 end s1 c1", "1 ret complete s1 c1 ok", "2 cb s1 c1 completed", "2 end s1 c1",
                "2 ret cancel s1 - no", "quiet"));
        assertEquals(Optional.of(Rule.SC03), r.rule(), r.why());
        assertEquals(7, r.explained(), r.why());
        assertEquals(Optional.of(Rule.SC05), r.alsoFits(), r.why());
    }

    /** c1's begin raced a cancel; a second cancel returned without ending it; its provider is told "not cancelled". */
    @Test
    void SC06_aProviderToldNotCancelledAboutACallLostInARaceIsSC06_notSC12() {
        TraceReport.Rejection r = rejected(trace("1 inv begin s1 c1", "2 inv cancel s1", "1 ret begin s1 c1 ok", "2 ret cancel s1 - no",
                "2 inv cancel s1", "2 ret cancel s1 - no", "1 inv told s1 c1", "1 ret told s1 c1 no"));
        assertEquals(Optional.of(Rule.SC06), r.rule(), r.why());
        assertEquals(7, r.explained(), r.why());
    }

    /** c1 was pending when a cancel began, which returned without ending it; its provider is told "not cancelled". */
    @Test
    void SC01_aProviderToldNotCancelledAboutACallACancelPredatesIsSC01_notSC12() {
        TraceReport.Rejection r = rejected(trace("1 inv begin s1 c1", "1 ret begin s1 c1 ok", "2 inv cancel s1", "2 ret cancel s1 - no",
                "1 inv told s1 c1", "1 ret told s1 c1 no"));
        assertEquals(Optional.of(Rule.SC01), r.rule(), r.why());
        assertEquals(5, r.explained(), r.why());
    }

    /**
     * c1 and c2 begin while a cancel runs, c2 after c1 returned; c2 hears onCancelled, and c1 hears
     * onCompleted: the cancel that ended c2 came after both begins, so c1 was lost (what
     * {@code SC06_SecondBeginDuringCloseLost} leaves). Neither call's history shows it.
     */
    @Test
    void SC06_aCallPassedOverByTheCancelThatEndedACallBegunAfterItIsSC06() {
        passedOver("2 cb s1 c2 cancelled", "2 end s1 c2");
    }

    /**
     * The same lost call, where the call begun after it shows its end by a refused fail instead of
     * onCancelled (a refused object would not do: its listener may still throw from that object's
     * callback, which ends the call without a cancel): what a recorded run of
     * {@code SC06_SecondBeginDuringCloseLost} (this class's seed 1, once) left, cut down.
     */
    @Test
    void SC06_aCallPassedOverByTheCancelThatARefusedFailOfACallBegunAfterItShowsIsSC06() {
        TraceReport.Rejection r = passedOver("1 inv fail s1 c2", "1 ret fail s1 c2 no");
        assertTrue(r.why().contains("c2, begun after it (line 4), had its fail refused as if ended"), r.why());
    }

    /** c1 and c2 begin while a cancel runs, c2 after c1 returned; {@code c2sEnd}, then c1 hears onCompleted at line 10: SC-06. */
    private static TraceReport.Rejection passedOver(String... c2sEnd) {
        TraceReport.Rejection r = rejected(trace(concat(concat(new String[] {"2 inv cancel s1", "1 inv begin s1 c1", "1 ret begin s1 c1 ok",
                "1 inv begin s1 c2", "1 ret begin s1 c2 ok"}, c2sEnd), "2 ret cancel s1 - no", "1 inv complete s1 c1",
                "1 cb s1 c1 completed", "1 end s1 c1", "1 ret complete s1 c1 ok")));
        assertEquals(Optional.of(Rule.SC06), r.rule(), r.why());
        assertEquals(9, r.explained(), r.why());
        return r;
    }

    /**
     * A recorded run of {@code SC06_SecondBeginDuringCloseLost} (seed 10 of 30), cut down to the calls TLC
     * needs to reject it: c1 is pending when a cancel begins, and its object sent after c2 began is
     * accepted before the cancel ends c1, so the cancel's step comes after c2 began; c2 is never cancelled,
     * so it completed first, and the cancel comes after c2's complete was invoked, after c3 began while the
     * cancel ran: c3 had to be cancelled, and fails instead. No call begun after c3 heard onCancelled, so
     * without the bound on the cancel's step this names no rule.
     */
    @Test
    void SC06_aCallBegunBeforeTheStepTheLogGivesTheCancelItRacedIsSC06() {
        TraceReport.Rejection r = rejected(trace("1 inv begin s1 c1", "1 ret begin s1 c1 ok", "1 inv cancel s1", "2 inv begin s1 c2",
                "2 ret begin s1 c2 ok", "2 inv object s1 c1", "2 cb s1 c1 object", "3 inv object s1 c1", "3 ret object s1 c1 no",
                "3 inv begin s1 c3", "3 ret begin s1 c3 ok", "3 inv object s1 c3", "3 cb s1 c3 object", "4 inv object s1 c2",
                "4 cb s1 c2 object", "4 end s1 c2", "4 ret object s1 c2 ok", "4 inv complete s1 c2", "4 cb s1 c2 completed",
                "4 end s1 c2", "4 ret complete s1 c2 ok", "2 end s1 c1", "2 ret object s1 c1 ok", "3 end s1 c3", "3 ret object s1 c3 ok",
                "1 cb s1 c1 cancelled", "1 end s1 c1", "1 ret cancel s1 - no", "1 inv cancel s1", "3 inv fail s1 c3",
                "3 cb s1 c3 failed", "3 end s1 c3", "3 ret fail s1 c3 ok"));
        assertEquals(Optional.of(Rule.SC06), r.rule(), r.why());
        assertEquals(30, r.explained(), r.why());
        assertTrue(r.why().contains("whose step the log places after line 18 (c2 (begun before, never cancelled) had its complete invoked at line 18)"), r.why());
    }

    private static String[] concat(String[] head, String... tail) {
        List<String> all = new ArrayList<>(List.of(head));
        all.addAll(List.of(tail));
        return all.toArray(String[]::new);
    }
}
