package org.sinkcheck.trace.algo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinkcheck.reference.StepLog.Step;
import org.sinkcheck.rules.Rule;

/**
 * Step logs cut at quiet points into independent segments ({@link AlgoSegment}), several checked in one
 * TLC run: a real run of several rounds is cut and every segment accepted; each thing a cut relies on is
 * checked, and each check is shown failing on a log that breaks it (a call left pending at a quiet
 * point; a call of an earlier segment begun again; a quiet point inside an operation).
 */
class AlgoSegmentTest {
    private static final AlgoTraceValidator VALIDATOR =
            new AlgoTraceValidator(1, Path.of("target", "algo-trace"), Duration.ofMinutes(2)).segmentSteps(100);
    /** Cuts at every quiet point: the hand-written logs below are a few steps long. */
    private static final AlgoTraceValidator EVERY = VALIDATOR.segmentSteps(1);

    private static Step step(String action, String sink, String call, String x, long inv, long ret) {
        return new Step(action, sink, call, 0, x, inv, ret);
    }

    private static List<Step> begin(String call, long inv, long ret) {
        return List.of(step("BeginRead", "s1", call, null, inv, ret), step("BeginPublish", null, call, null, inv, ret),
                step("BeginRecheck", null, call, "open", inv, ret));
    }

    private static List<Step> complete(String call, long inv, long ret) {
        return List.of(step("FinishClaim", null, call, "completed", inv, ret), step("FinishCheck", null, call, "open", inv, ret),
                step("FinishDecide", null, call, "completed", inv, ret), step("Unlink", null, call, null, inv, ret),
                step("SendFinal", null, call, "completed", inv, ret));
    }

    private static List<Step> concat(List<Step> a, List<Step> b) {
        List<Step> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void SC01_SC03_SC06_SC10_aRunOfSeveralRoundsIsCutAtItsQuietPointsAndEverySegmentIsAccepted(@TempDir Path dir) {
        StepTrace trace = AlgoTraceWorkload.record(2, 12, 3, 1);
        assertEquals(3, trace.quiet().size(), "one quiet point per round");
        Path file = dir.resolve("steps.ndjson");
        trace.write(file);
        assertEquals(trace, StepTrace.read(file), "the file gives back the log");
        int segments = AlgoSegment.cut(trace, 100).size();
        assertTrue(segments >= 2, "expected several segments of " + trace.steps() + " steps, got " + segments);
        AlgoTraceValidator.Verdict verdict = VALIDATOR.validate(trace);
        System.out.println(verdict.summary());
        assertTrue(verdict.accepted(), verdict.summary());
        assertEquals(segments, verdict.segments());
        assertEquals(segments, verdict.checked(), "every segment checked");
    }

    /** Tooth of the quiet end: the segment before a quiet point may leave no call pending (the same log without the point is accepted). */
    @Test
    void SC10_aCallLeftPendingAtAQuietPointIsRejected() {
        List<List<Step>> threads = List.of(concat(begin("c1", 1, 2), begin("c2", 4, 5)));
        AlgoTraceValidator.Verdict verdict = EVERY.validate(new StepTrace(threads, List.of(3L)));
        System.out.println(verdict.summary());
        assertFalse(verdict.accepted(), verdict.summary());
        assertEquals(Rule.SC10, verdict.rejection().rule(), verdict.summary());
        assertEquals(1, verdict.rejectedSegment(), verdict.summary());
        assertTrue(verdict.summary().contains("call c1 (begun by thread 1, step 1) has no final at the quiet point"), verdict.summary());
        assertTrue(EVERY.validate(StepTrace.of(threads)).accepted(), "without the quiet point c1 may stay pending");
    }

    /**
     * Tooth of the priors: a call of an earlier segment (a stale handle) may be refused as final, and
     * nothing else; begun again, it is rejected at that step, numbered in the whole log.
     */
    @Test
    void SC08_SC09_aCallOfAnEarlierSegmentMayOnlyBeRefused() {
        List<Step> first = concat(begin("c1", 1, 2), complete("c1", 3, 4));
        List<Step> refused = concat(first, List.of(step("ClaimRefused", null, "c1", "final", 6, 7)));
        AlgoTraceValidator.Verdict accepted = EVERY.validate(new StepTrace(List.of(refused), List.of(5L)));
        assertTrue(accepted.accepted(), accepted.summary());
        assertEquals(2, accepted.segments(), accepted.summary());
        List<Step> reused = concat(first, begin("c1", 6, 7));
        AlgoTraceValidator.Verdict verdict = EVERY.validate(new StepTrace(List.of(reused), List.of(5L)));
        System.out.println(verdict.summary());
        assertFalse(verdict.accepted(), verdict.summary());
        assertEquals(2, verdict.rejectedSegment(), verdict.summary());
        assertEquals(first.size() + 1, verdict.rejection().index(), verdict.summary());
    }

    @Test
    void aQuietPointInsideAnOperationIsAFalseClaimNamedByThreadAndStep() {
        StepTrace trace = new StepTrace(List.of(concat(begin("c1", 1, 2), complete("c1", 3, 6))), List.of(5L));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AlgoSegment.cut(trace, 1));
        assertEquals("quiet point 5 is not quiet: thread 1's step 4 (FinishClaim) belongs to an operation from ticket 3 to 6", e.getMessage());
    }

    @Test
    void aMalformedStepLogLineIsNamedByItsNumber(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.ndjson");
        Files.writeString(file, "{\"thread\":1,\"a\":\"BeginRead\",\"s\":\"s1\",\"c\":\"c1\",\"k\":0}\n{\"thread\":1,\"k\":0}\n");
        StepTrace.BadStepLogException e = assertThrows(StepTrace.BadStepLogException.class, () -> StepTrace.read(file));
        assertEquals(file + ":2: a step needs the field \"a\"", e.getMessage());
    }
}
