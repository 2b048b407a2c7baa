package org.sinkcheck.kit.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.sinkcheck.kit.Capability;
import org.sinkcheck.kit.Settling;
import org.sinkcheck.kit.SinkApiAdapter;
import org.sinkcheck.reference.ReferenceSink;
import org.sinkcheck.rules.Operator;
import org.sinkcheck.rules.Rule;
import org.sinkcheck.sink.CallHandle;
import org.sinkcheck.sink.SinkListener;

/**
 * SC-13 judged by reachability (Reachability): the contexts and delivered objects of finished calls must be
 * collectible while their sink lives, with or without a count of the sink's calls. The reference sink passes
 * it, which also shows that nothing the kit holds (its listeners' records, the model, its counterexamples)
 * keeps them reachable; the teeth are two sinks whose count is right that keep contexts or objects, and the
 * mutant {@code SC13_FinishedContextsKeptInASideMap} (MutantKillTest).
 */
class ReachabilityTest {
    private static final Options SMALL = Options.ci().withWalks(2, 400);
    private static final Set<Capability> NO_COUNT = EnumSet.complementOf(EnumSet.of(Capability.RETENTION_VISIBLE));

    /** The reference sink; its adapter keeps what {@link #keep} says of each call in a list it never clears. */
    static class Keeping extends SinkApiAdapter<ReferenceSink<Object>> {
        final List<Object> kept = new ArrayList<>();
        private final boolean contexts;
        private final Set<Capability> capabilities;
        private final boolean waitsOnSettle;

        Keeping(boolean contexts, Set<Capability> capabilities) { this(contexts, capabilities, false); }

        /** {@code waitsOnSettle}: settles as the adapter of a sink with threads of its own does (Settling.until). */
        Keeping(boolean contexts, Set<Capability> capabilities, boolean waitsOnSettle) {
            this.contexts = contexts;
            this.capabilities = capabilities;
            this.waitsOnSettle = waitsOnSettle;
        }

        @Override
        public void settle(ReferenceSink<Object> sink, Settling settling) {
            if (waitsOnSettle) settling.until("nothing (the sink is synchronous)", () -> true);
        }

        @Override
        protected ReferenceSink<Object> create(SinkListener<Object> listener, BiConsumer<Object, Throwable> errors) {
            return new ReferenceSink<>(listener, errors);
        }

        @Override public Set<Capability> capabilities() { return capabilities; }

        @Override
        public CallHandle begin(ReferenceSink<Object> sink, Object context) {
            if (contexts) kept.add(context);
            return super.begin(sink, context);
        }

        @Override
        public boolean deliver(ReferenceSink<Object> sink, CallHandle call, Object object) {
            if (!contexts) kept.add(object);
            return super.deliver(sink, call, object);
        }
    }

    /**
     * The reference sink as if it called back on a thread of its own: the adapter settles through
     * Settling.until, and that thread holds each delivered object for {@link #HOLD_MILLIS} after the deliver (a
     * task scheduled with it), as an executor thread still inside the task that ran a callback does.
     */
    static class LetsGoLate extends SinkApiAdapter<ReferenceSink<Object>> {
        static final long HOLD_MILLIS = 150;
        private final ScheduledExecutorService callbackThread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lets-go-late");
            t.setDaemon(true);
            return t;
        });

        @Override
        protected ReferenceSink<Object> create(SinkListener<Object> listener, BiConsumer<Object, Throwable> errors) {
            return new ReferenceSink<>(listener, errors);
        }

        @Override public Set<Capability> capabilities() { return EnumSet.allOf(Capability.class); }

        @Override
        public boolean deliver(ReferenceSink<Object> sink, CallHandle call, Object object) {
            callbackThread.schedule(() -> Objects.requireNonNull(object), HOLD_MILLIS, TimeUnit.MILLISECONDS);
            return super.deliver(sink, call, object);
        }

        @Override
        public void settle(ReferenceSink<Object> sink, Settling settling) {
            settling.until("nothing (the callbacks were heard)", () -> true);
        }
    }

    /**
     * A sink whose own thread lets go of finished calls' objects a moment after it settled keeps nothing:
     * the check waits for it (Reachability.Patience). With no patience (PER_RUN zero) this fails SC-13, as
     * OkHttp's adapter once did under a parallel build.
     */
    @Test
    void SC13_aSinkWhoseOwnThreadLetsGoOfFinishedCallsAMomentLate_passes() {
        ConformanceReport report = Conformance.run(new LetsGoLate(), SMALL);
        assertEquals(Verdict.PASS, report.result(Rule.SC13).verdict(), report::table);
    }

    /** Waiting for a sink's own threads does not excuse one that keeps finished calls for good. */
    @Test
    void SC13_objectsKeptForGoodBySinkWithOwnThreads_stillFailSC13() {
        ConformanceReport report = Conformance.run(new Keeping(false, NO_COUNT, true), SMALL);
        Counterexample cx = report.counterexample(Rule.SC13).orElseThrow(() -> new AssertionError(report.table()));
        assertTrue(cx.detail().contains("1 of the 1 object(s) delivered for it"), cx::toString);
    }

    @Test
    void SC13_theReferenceSinkWithoutACount_isJudgedByReachabilityAndPasses() {
        ConformanceReport report = Conformance.run(ReferenceDeclaring.capabilities(NO_COUNT), SMALL);
        assertEquals(Verdict.PASS, report.result(Rule.SC13).verdict(), report::table);
        assertEquals(Verdict.NOT_APPLICABLE, report.result(Rule.SC06).verdict(), "SC-06 still needs the count: " + report.table());
        assertTrue(report.requiredRulesHold(), report::table);
    }

    @Test
    void SC13_contextsKeptWithARightCount_failSC13ByReachability_namingTheCallAndWhatStayed() {
        ConformanceReport report = Conformance.run(new Keeping(true, EnumSet.allOf(Capability.class)), SMALL);
        Counterexample cx = report.counterexample(Rule.SC13).orElseThrow(() -> new AssertionError(report.table()));
        assertEquals(Operator.SC13_NoRetention, cx.operator());
        assertEquals(List.of(Rule.SC13), report.failures().stream().map(ConformanceReport.Row::rule).toList(), report::table);
        assertEquals(2, cx.actions().size(), cx::toString);
        assertTrue(cx.actions().get(0).startsWith("begin c"), cx::toString);
        assertTrue(cx.detail().contains("c1 (completed): its context") || cx.detail().contains("c1 (cancelled): its context")
                || cx.detail().contains("c1 (failed): its context"), cx::toString);
        assertTrue(cx.detail().contains("strongly reachable"), cx::toString);
        System.out.println(cx);
    }

    @Test
    void SC13_deliveredObjectsKeptWithoutACount_failSC13ByReachability() {
        ConformanceReport report = Conformance.run(new Keeping(false, NO_COUNT), SMALL);
        Counterexample cx = report.counterexample(Rule.SC13).orElseThrow(() -> new AssertionError(report.table()));
        assertTrue(cx.actions().stream().anyMatch(a -> a.startsWith("deliver")), cx::toString);
        assertTrue(cx.detail().contains("1 of the 1 object(s) delivered for it"), cx::toString);
    }
}
