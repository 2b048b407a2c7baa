package org.sinkcheck.kit.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.sinkcheck.kit.SinkApiAdapter;
import org.sinkcheck.reference.ReferenceSink;
import org.sinkcheck.rules.Rule;
import org.sinkcheck.sink.CallHandle;
import org.sinkcheck.sink.SinkListener;

/**
 * Exploring past a declared deviation: a sink whose cancel is terminal (SC-08 by design) is still FAIL on
 * SC-08, with the reason, and the kit goes on past each deviating begin, so walks play far more actions
 * and a second bug that lies only past the deviation is found.
 */
class DeviationsTest {

    private static final Options SMALL = Options.ci().withWalks(8, 2_000);
    private static final Deviations TERMINAL = Deviations.of("the test", Map.of("SC-08", "its cancel is terminal, as RxJava's dispose()"));

    /** The reference sink made terminal: once cancelled, every call begun on it is cancelled at once. */
    static class TerminalCancel extends SinkApiAdapter<ReferenceSink<Object>> {
        final Set<ReferenceSink<Object>> cancelled = Collections.newSetFromMap(new WeakHashMap<>());

        @Override
        protected ReferenceSink<Object> create(SinkListener<Object> listener, BiConsumer<Object, Throwable> errors) {
            return new ReferenceSink<>(listener, errors);
        }

        @Override
        public CallHandle begin(ReferenceSink<Object> sink, Object context) {
            CallHandle call = sink.begin(context);
            if (cancelled.contains(sink)) sink.cancel();
            return call;
        }

        @Override
        public void cancel(ReferenceSink<Object> sink) {
            cancelled.add(sink);
            sink.cancel();
        }
    }

    /** Terminal, and a complete of a call begun after the cancel (which only a deviation reaches) is answered accepted. */
    static final class TerminalCancelThatAcceptsLateCompletes extends TerminalCancel {
        private final Set<CallHandle> late = Collections.newSetFromMap(new WeakHashMap<>());

        @Override
        public CallHandle begin(ReferenceSink<Object> sink, Object context) {
            CallHandle call = super.begin(sink, context);
            if (cancelled.contains(sink)) late.add(call);
            return call;
        }

        @Override
        public boolean complete(ReferenceSink<Object> sink, CallHandle call) {
            return super.complete(sink, call) || late.contains(call);
        }
    }

    @Test
    void SC08_aDeclaredDeviationIsStillAFailWithItsReason_andTheWalksPlayPastIt() {
        ConformanceReport stopped = Conformance.run(new TerminalCancel(), SMALL);
        ConformanceReport past = Conformance.run(new TerminalCancel(), SMALL, Waivers.none(), TERMINAL, RunProgress.silent());
        assertEquals(Verdict.FAIL, stopped.result(Rule.SC08).verdict(), stopped::table);
        ConformanceReport.Row sc08 = past.result(Rule.SC08);
        assertEquals(Verdict.FAIL, sc08.verdict(), past::table);
        assertTrue(sc08.evidence().startsWith("deviation declared by the test: its cancel is terminal, as RxJava's dispose(); "), sc08.evidence());
        assertFalse(past.requiredRulesHold(), "a declared deviation of a MUST rule still fails");
        assertTrue(past.table().contains("SC-08: deviation declared by the test: its cancel is terminal"), past::table);
        assertTrue(past.toJson().contains("\"deviations\""), past::toJson);
        for (Rule rule : Rule.values()) {
            if (rule != Rule.SC08) assertTrue(past.result(rule).verdict() != Verdict.FAIL, () -> rule.id() + ": " + past.table());
        }
        long before = stopped.counts().walkActions();
        long after = past.counts().walkActions();
        assertTrue(after > 5 * before, "the walks play past the deviation: " + before + " actions without it, " + after + " with it");
        assertTrue(past.counts().edgesCovered() >= stopped.counts().edgesCovered());
    }

    /** The teeth: a bug that lies only past the deviation (calls begun on a cancelled sink) is found only when the kit explores past it. */
    @Test
    void SC08_SC14_aBugThatOnlyLiesPastTheDeviationIsFoundOnlyWhenTheKitExploresPastIt() {
        ConformanceReport stopped = Conformance.run(new TerminalCancelThatAcceptsLateCompletes(), SMALL);
        ConformanceReport past = Conformance.run(new TerminalCancelThatAcceptsLateCompletes(), SMALL, Waivers.none(), TERMINAL, RunProgress.silent());
        assertEquals(Set.of(Rule.SC08), failed(stopped), stopped::table);
        assertTrue(failed(past).contains(Rule.SC08) && failed(past).size() > 1, past::table);
        Set<Rule> more = failed(past);
        more.remove(Rule.SC08);
        for (Rule rule : more) {
            Counterexample cx = past.counterexample(rule).orElseThrow();
            assertTrue(cx.actions().stream().anyMatch(a -> a.contains("SC-08, a declared deviation: the kit went on")), cx::toString);
        }
    }

    @Test
    void aDeviationOfNoRuleOrWithoutAReasonIsRefusedInOneLine() {
        assertEquals("cannot declare a deviation from 'SC-99': no such rule (the rules are SC-01 to SC-16)",
                assertThrows(IllegalArgumentException.class, () -> Deviations.of("x", Map.of("SC-99", "why"))).getMessage());
        assertEquals("a deviation from SC-08 needs a reason: why the sink breaks it by design",
                assertThrows(IllegalArgumentException.class, () -> Deviations.of("x", Map.of("SC-08", " "))).getMessage());
    }

    private static Set<Rule> failed(ConformanceReport report) {
        Set<Rule> out = java.util.EnumSet.noneOf(Rule.class);
        for (ConformanceReport.Row row : report.rows()) if (row.verdict() == Verdict.FAIL) out.add(row.rule());
        return out;
    }
}
