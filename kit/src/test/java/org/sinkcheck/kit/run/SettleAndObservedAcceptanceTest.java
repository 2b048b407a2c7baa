package org.sinkcheck.kit.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.sinkcheck.kit.SettleTimeoutException;
import org.sinkcheck.kit.Settling;
import org.sinkcheck.kit.SinkApiAdapter;
import org.sinkcheck.model.Action;
import org.sinkcheck.model.Bounds;
import org.sinkcheck.model.Model;
import org.sinkcheck.model.Violation;
import org.sinkcheck.reference.ReferenceSink;
import org.sinkcheck.rules.Rule;
import org.sinkcheck.sink.CallHandle;
import org.sinkcheck.sink.SinkListener;

/**
 * The asynchronous side of the SPI: a bounded {@code settle} ({@link Settling}) and acceptance observed
 * from the callbacks ({@code SinkAdapter.observesAcceptance}).
 */
class SettleAndObservedAcceptanceTest {

    private static final Options SMALL = Options.ci().withWalks(2, 400).withSettleBudget(Duration.ofMillis(30));

    private abstract static class OnReference extends SinkApiAdapter<ReferenceSink<Object>> {
        @Override
        protected ReferenceSink<Object> create(SinkListener<Object> listener, BiConsumer<Object, Throwable> errors) {
            return new ReferenceSink<>(listener, errors);
        }
    }

    /** A settle that waits for what never comes, on a correct sink: the adapter's error, not the sink's. */
    @Test
    void aSettleThatRunsOutOnASinkThatMatchesTheModelIsAnErrorNamingTheActionAndWhatWasAwaited() {
        OnReference waitsForever = new OnReference() {
            @Override public void settle(ReferenceSink<Object> sink, Settling settling) { settling.until("a callback no one sends", () -> false); }

            @Override public String name() { return "impatient"; }
        };
        SettleTimeoutException e = assertThrows(SettleTimeoutException.class, () -> Conformance.run(waitsForever, SMALL));
        assertTrue(e.getMessage().matches("impatient: the sink did not settle after begin c\\d on s\\d: waited 30 ms for a callback no one sends;"
                + " yet the sink then matched the model, so the adapter's settle waits for something the sink need not do"), e.getMessage());
    }

    /**
     * The naive pattern (wait for what the model expects) on a sink whose cancel ends nothing: the
     * settle runs out, and the difference it waited for is charged to its rule, the timeout in its detail.
     */
    @Test
    void SC01_aSettleThatRunsOutOnASinkThatDiffersIsThatRulesFailureWithTheTimeoutInItsDetail() {
        OnReference cancelEndsNothing = new OnReference() {
            private final Set<ReferenceSink<Object>> cancelled = Collections.newSetFromMap(new WeakHashMap<>());

            @Override public void cancel(ReferenceSink<Object> sink) { cancelled.add(sink); }

            @Override
            public void settle(ReferenceSink<Object> sink, Settling settling) {
                if (cancelled.remove(sink)) settling.until("its cancel to end every call", () -> sink.pendingCalls() == 0);
            }
        };
        Model model = new Model(Bounds.CI);
        Run.Outcome outcome = Run.play(cancelEndsNothing, model, List.of(new Action.Begin(0, 0), new Action.Cancel(0)), Setup.PLAIN,
                Duration.ofMillis(5), null);
        assertEquals(2, outcome.steps());
        Violation v = outcome.violations().get(0);
        assertEquals(Rule.SC01, v.rule());
        assertTrue(v.detail().endsWith("(the sink did not settle after cancel s1: waited 5 ms for its cancel to end every call)"), v::detail);
    }

    @Test
    void aBarrierThatFailsIsTheAdaptersErrorInOneLine() {
        Settling settling = Settling.after("cancel s1", Duration.ofSeconds(1));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> settling.until("the callback loop's barrier", CompletableFuture.failedFuture(new IllegalStateException("loop\nshut down"))));
        assertEquals("settle after cancel s1: the callback loop's barrier failed: IllegalStateException: loop shut down", e.getMessage());
        assertEquals("a settle budget must be positive, not PT0S",
                assertThrows(IllegalArgumentException.class, () -> Settling.after("x", Duration.ZERO)).getMessage());
    }

    /** The reference sink behind an API that answers every signal "refused": what a kill switch's fire-and-forget offer says. */
    private static class AnswersNothing extends OnReference {
        @Override public boolean deliver(ReferenceSink<Object> sink, CallHandle call, Object object) { super.deliver(sink, call, object); return false; }

        @Override public boolean progress(ReferenceSink<Object> sink, CallHandle call) { super.progress(sink, call); return false; }

        @Override public boolean complete(ReferenceSink<Object> sink, CallHandle call) { super.complete(sink, call); return false; }

        @Override public boolean fail(ReferenceSink<Object> sink, CallHandle call, Throwable error) { super.fail(sink, call, error); return false; }
    }

    @Test
    void anAdapterThatObservesAcceptanceIsJudgedByTheCallbacksNotByWhatTheSignalsReturn() {
        ConformanceReport answered = Conformance.run(new AnswersNothing(), SMALL);
        assertFalse(answered.requiredRulesHold(), "without observesAcceptance the answers count, and these are wrong");
        ConformanceReport observed = Conformance.run(new AnswersNothing() {
            @Override public boolean observesAcceptance() { return true; }
        }, SMALL);
        assertTrue(observed.requiredRulesHold(), observed::table);
    }

    /** Observing acceptance gives up the answers, not the callbacks: a sink that lets a signal in after cancel returned is still caught. */
    @Test
    void SC04_observedAcceptanceStillCatchesASignalAcceptedAfterCancelReturned() {
        OnReference sweepsLate = new OnReference() {
            private final Set<ReferenceSink<Object>> asked = Collections.newSetFromMap(new WeakHashMap<>());

            @Override public void cancel(ReferenceSink<Object> sink) { asked.add(sink); }

            @Override public void settle(ReferenceSink<Object> sink, Settling settling) { if (asked.remove(sink)) sink.cancel(); }

            @Override public boolean deliver(ReferenceSink<Object> sink, CallHandle call, Object object) { super.deliver(sink, call, object); return false; }

            @Override public boolean observesAcceptance() { return true; }
        };
        ConformanceReport report = Conformance.run(sweepsLate, Options.ci().withWalks(8, 2_000));
        assertEquals(Verdict.FAIL, report.result(Rule.SC04).verdict(), report::table);
    }
}
