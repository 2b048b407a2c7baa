package org.sinkcheck.trace.algo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sinkcheck.reference.StepLog.Step;
import org.sinkcheck.rules.Rule;

/**
 * Tooth from the reference sink's own history: the earlier allocator's plain path, where two threads on
 * one stripe could both find a slot empty and both store into it (docs/allocator.md). The log is a real
 * run of the reference sink with that claim ({@code Stripe.PLAIN_CLAIM}), recorded on 2026-12-02 by the
 * command in docs/trace.md ("The allocator's bugs"; seed 3, the first of seeds 1 to 3 rejected), cut to its
 * first round (a segment: it ends at a quiet point): the two threads' first begins of the round's burst
 * stored into one slot, so call c1 was stored over. CancelAllAlgo still has c1 published (its allocator
 * assumption: no slot is held twice), so the cancel that never visits it cannot return: SC-01. The same
 * workload with the correct claim is accepted (AlgoSegmentTest).
 */
class PlainClaimTraceTest {
    private static final AlgoTraceValidator VALIDATOR = new AlgoTraceValidator(1, Path.of("target", "algo-trace"), Duration.ofMinutes(2));

    @Test
    void SC01_twoThreadsStoringIntoOneSlot_theEarlierAllocatorsPlainClaim_isRejectedWhereTheCancelMissesTheCallStoredOver()
            throws URISyntaxException {
        StepTrace trace = StepTrace.read(Path.of(PlainClaimTraceTest.class.getResource("plain-claim-2026-12-02.ndjson").toURI()));
        List<String> unended = trace.threads().stream().flatMap(List::stream).filter(s -> s.action().equals("BeginRead")).map(Step::call)
                .filter(c -> trace.threads().stream().flatMap(List::stream).noneMatch(s -> s.action().equals("SendFinal") && c.equals(s.call())))
                .toList();
        assertEquals(List.of("c1"), unended, "the call stored over never got a final");
        AlgoTraceValidator.Verdict verdict = VALIDATOR.validate(trace);
        System.out.println(verdict.summary());
        assertFalse(verdict.accepted(), verdict.summary());
        assertEquals(Rule.SC01, verdict.rejection().rule(), verdict.summary());
        assertEquals("CancelReturn", verdict.rejection().step().action(), verdict.summary());
        assertTrue(verdict.summary().contains("thread 1, step 138: CancelReturn s1"), verdict.summary());
    }
}
