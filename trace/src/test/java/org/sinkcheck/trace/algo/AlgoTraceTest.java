package org.sinkcheck.trace.algo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sinkcheck.reference.StepLog.Step;
import org.sinkcheck.rules.Rule;

/**
 * The reference sink's step-level traces checked by TLC against CancelAllAlgo.tla
 * (CancelAllAlgoTrace.tla): real concurrent runs are accepted; logs of broken variants are rejected
 * naming their rule. The broken logs are the reference sink's own steps with one step changed as a
 * broken sink would log it, so each rejection shows the check has teeth.
 */
class AlgoTraceTest {
    private static final AlgoTraceValidator VALIDATOR =
            new AlgoTraceValidator(1, Path.of("target", "algo-trace"), Duration.ofMinutes(2));

    private static Step step(String action, String sink, String call, int k, String x, long inv, long ret) {
        return new Step(action, sink, call, k, x, inv, ret);
    }

    /** Thread 1 begins c1 on s1 (operation 1-2), the re-check finding the generation open. */
    private static List<Step> begin(String call, long inv, long ret) {
        return new ArrayList<>(List.of(step("BeginRead", "s1", call, 0, null, inv, ret), step("BeginPublish", null, call, 0, null, inv, ret),
                step("BeginRecheck", null, call, 0, "open", inv, ret)));
    }

    @Test
    void SC01_SC04_SC06_SC09_SC15_SC16_referenceSinkStepTracesAreBehavioursOfCancelAllAlgo() {
        for (long seed = 1; seed <= 3; seed++) {
            List<List<Step>> log = AlgoTraceWorkload.run(2, 25, seed);
            AlgoTraceValidator.Verdict verdict = VALIDATOR.validate(log);
            System.out.println("seed " + seed + ": " + verdict.summary());
            assertTrue(verdict.accepted(), verdict.summary());
        }
        List<List<Step>> three = AlgoTraceWorkload.run(3, 12, 7);
        AlgoTraceValidator.Verdict verdict = VALIDATOR.validate(three);
        System.out.println("3 threads: " + verdict.summary());
        assertTrue(verdict.accepted(), verdict.summary());
    }

    /** Tooth: the log of a begin that returns without re-reading the flag (a real log with one BeginRecheck dropped). */
    @Test
    void SC06_beginWithoutRecheckRejected() {
        List<List<Step>> log = AlgoTraceWorkload.run(2, 25, 1);
        List<List<Step>> broken = new ArrayList<>();
        boolean dropped = false;
        for (List<Step> thread : log) {
            List<Step> copy = new ArrayList<>(thread);
            for (int i = 0; !dropped && i < copy.size() - 1; i++) {
                if (copy.get(i).action().equals("BeginRecheck") && "open".equals(copy.get(i).x())) {
                    copy.remove(i);
                    dropped = true;
                }
            }
            broken.add(copy);
        }
        assertTrue(dropped, "the run began no call with a step after it");
        AlgoTraceValidator.Verdict verdict = VALIDATOR.validate(broken);
        System.out.println(verdict.summary());
        assertFalse(verdict.accepted(), verdict.summary());
        assertEquals(Rule.SC06, verdict.rejection().rule(), verdict.summary());
    }

    /**
     * Tooth: a release that gives the token back over a cancel's request (a plain store instead of the
     * CAS BUSY to IDLE): thread 1's signal and thread 2's cancel overlap, the cancel marked the busy call,
     * and the release still logs a won CAS. No interleaving explains it: SC-04 (the onCancelled in flight is lost).
     */
    @Test
    void SC04_releaseOverCancelRequestRejected() {
        List<Step> t1 = begin("c1", 1, 2);
        t1.addAll(List.of(step("SignalClaim", null, "c1", 1, null, 5, 10), step("SignalCheck", null, "c1", 0, "open", 5, 10),
                step("SignalReturn", null, "c1", 0, "won", 5, 10)));
        List<Step> t2 = List.of(step("CancelClose", "s1", null, 0, "closed", 6, 9), step("CancelSweep", null, "c1", 0, "busy", 6, 9),
                step("CancelReturn", "s1", null, 0, null, 6, 9));
        AlgoTraceValidator.Verdict verdict = VALIDATOR.validate(List.of(t1, t2));
        System.out.println(verdict.summary());
        assertFalse(verdict.accepted(), verdict.summary());
        assertEquals(Rule.SC04, verdict.rejection().rule(), verdict.summary());
        // The same log with the release's CAS lost, ending the call as the reference sink does, is accepted.
        List<Step> fixed = new ArrayList<>(t1.subList(0, t1.size() - 1));
        fixed.addAll(List.of(step("SignalReturn", null, "c1", 0, "lost", 5, 10), step("Unlink", null, "c1", 0, null, 5, 10),
                step("SendFinal", null, "c1", 0, "cancelled", 5, 10)));
        AlgoTraceValidator.Verdict accepted = VALIDATOR.validate(List.of(fixed, t2));
        assertTrue(accepted.accepted(), accepted.summary());
    }

    /**
     * Tooth of the interval tickets: a cancel that returned before a begin was invoked cannot sweep the
     * call that begin makes (the sweep is the step TLC cannot place: SC-01's); the same steps logged
     * without intervals are accepted, since TLC may then put the begin first.
     */
    @Test
    void SC01_SC08_aCancelThatReturnedBeforeABeginCannotSweepItsCall() {
        List<Step> t1 = begin("c1", 5, 6);
        List<Step> t2 = List.of(step("CancelClose", "s1", null, 0, "closed", 1, 4), step("CancelSweep", null, "c1", 0, "idle", 1, 4),
                step("SendFinal", null, "c1", 0, "cancelled", 1, 4), step("CancelReturn", "s1", null, 0, null, 1, 4));
        AlgoTraceValidator.Verdict verdict = VALIDATOR.validate(List.of(t1, t2));
        System.out.println(verdict.summary());
        assertFalse(verdict.accepted(), verdict.summary());
        assertEquals(Rule.SC01, verdict.rejection().rule(), verdict.summary());
        assertEquals(2, verdict.rejection().thread(), verdict.summary());
        List<List<Step>> unordered = List.of(t1, t2).stream()
                .map(steps -> steps.stream().map(s -> step(s.action(), s.sink(), s.call(), s.k(), s.x(), 0, Long.MAX_VALUE)).toList())
                .toList();
        AlgoTraceValidator.Verdict accepted = VALIDATOR.validate(unordered);
        assertTrue(accepted.accepted(), accepted.summary());
    }
}
