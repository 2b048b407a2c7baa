package org.sinkcheck.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sinkcheck.kit.AdapterLoadException;
import org.sinkcheck.kit.Adapters;
import org.sinkcheck.kit.SinkAdapter;
import org.sinkcheck.kit.run.Conformance;
import org.sinkcheck.kit.run.ConformanceReport;
import org.sinkcheck.kit.run.Options;
import org.sinkcheck.model.CallHistory;
import org.sinkcheck.model.EventKind;
import org.sinkcheck.mutants.BaseSink;
import org.sinkcheck.mutants.MutantAdapter;
import org.sinkcheck.rules.Rule;
import org.sinkcheck.sink.Acceptance;
import org.sinkcheck.sink.CallHandle;
import org.sinkcheck.stress.Race;
import org.sinkcheck.stress.RaceCall;

/**
 * One history is one rule in every tier. Each case is a sink that produces one call history — the
 * histories on which the tiers used to disagree among them — and each tier meets it its own way: the
 * conformance kit replays the model against it, the stress arbiter grades a race played one step after
 * the other, the soak runs it under load. All three must name the rule {@link CallHistory#violation()}
 * names for that history, and nothing else.
 */
class SameHistorySameRuleTest {
    private static final Options KIT = Options.ci().withWalks(0, 1);
    private static final Duration SOAK = Duration.ofSeconds(1);

    /**
     * Every cancel also tells {@code onCancelled} to the calls whose final {@code earlier} has been heard
     * since the last cancel: the histories "completed, cancelled" and "cancelled, cancelled", and nothing
     * else (the second final starts only once the first has returned).
     */
    public static class CancelTellsEndedCallsAgain extends BaseSink {
        private final Final earlier;
        /** Guarded by {@link #lock}: calls whose final {@code earlier} is decided, by context; then those it has reached. */
        private final Map<Object, Call> decided = new IdentityHashMap<>();
        private final List<Call> ended = new ArrayList<>();

        CancelTellsEndedCallsAgain(Final earlier) {
            this.earlier = earlier;
        }

        @Override
        protected boolean decide(Call call, Final fin, Throwable error) {
            boolean won = super.decide(call, fin, error);
            if (won && fin == earlier) {
                synchronized (lock) {
                    decided.put(call.context(), call);
                }
            }
            return won;
        }

        @Override
        protected void invokeFinal(Object context, Final fin, Throwable error) {
            try {
                super.invokeFinal(context, fin, error);
            } finally {
                synchronized (lock) {
                    Call call = decided.remove(context);
                    if (call != null) ended.add(call);
                }
            }
        }

        @Override
        protected void sweep(List<Call> cancelled) {
            List<Call> again;
            synchronized (lock) {
                again = List.copyOf(ended);
                ended.clear();
            }
            super.sweep(cancelled);
            for (Call call : again) runListener(call, () -> listener().onCancelled(call.context()));
        }

        public static final class OfCompleted extends MutantAdapter {
            public OfCompleted() { super(() -> new CancelTellsEndedCallsAgain(Final.COMPLETED)); }
        }

        public static final class OfCancelled extends MutantAdapter {
            public OfCancelled() { super(() -> new CancelTellsEndedCallsAgain(Final.CANCELLED)); }
        }
    }

    /** A progress signal of a live call throws instead of answering: the history of a provider left guessing. */
    public static final class ProgressThrows extends BaseSink {
        @Override
        public Acceptance progress(CallHandle handle, int done, int upperBound, String message) {
            if (!handle.isFinished() && own(handle) != null) throw new IllegalStateException("progress is not supported");
            return super.progress(handle, done, upperBound, message);
        }

        public static final class Adapter extends MutantAdapter {}
    }

    /**
     * Every signal is admitted, to an ended call and while another callback of it runs (no final check, no
     * per-call serialization): an object that a provider sends from inside {@code onCancelled} starts while
     * {@code onCancelled} runs.
     */
    public static final class AdmitsEverySignal extends BaseSink {
        @Override
        protected Acceptance admit(Call call, Signal kind) {
            return Acceptance.ACCEPTED;
        }

        public static final class Adapter extends MutantAdapter {}
    }

    /**
     * A cancel also tells {@code onCancelled} to the calls whose {@code onCompleted} or {@code onFailed} is
     * running right now, at once: a second final that starts inside the first (nested, when the listener
     * cancels from inside its final; overlapping, when another thread cancels).
     */
    public static final class CancelReachesARunningFinal extends BaseSink {
        /** Guarded by {@link #lock}: the calls whose completed or failed callback is running, by context. */
        private final Map<Object, Call> inFinal = new IdentityHashMap<>();
        /** Guarded by {@link #lock}: every call by context until its first final callback returned. */
        private final Map<Object, Call> byContext = new IdentityHashMap<>();

        @Override
        protected void register(Call call) {
            synchronized (lock) {
                byContext.put(call.context(), call);
            }
            super.register(call);
        }

        @Override
        protected void invokeFinal(Object context, Final fin, Throwable error) {
            synchronized (lock) {
                Call call = byContext.remove(context);
                if (call != null && fin != Final.CANCELLED) inFinal.put(context, call);
            }
            try {
                super.invokeFinal(context, fin, error);
            } finally {
                synchronized (lock) {
                    inFinal.remove(context);
                }
            }
        }

        @Override
        protected void sweep(List<Call> cancelled) {
            super.sweep(cancelled);
            List<Call> running;
            synchronized (lock) {
                running = List.copyOf(inFinal.values());
            }
            for (Call call : running) runListener(call, () -> listener().onCancelled(call.context()));
        }

        public static final class Adapter extends MutantAdapter {}
    }

    static Stream<Arguments> histories() {
        return Stream.of(
                history("completed, then cancelled by a later cancel", CancelTellsEndedCallsAgain.OfCompleted.class.getName(),
                        CallHistory.of(List.of(EventKind.COMPLETED, EventKind.CANCELLED)).answers(CallHistory.Answer.ACCEPTED, CallHistory.Answer.NOT_SENT),
                        (race, a1) -> {
                            race.complete(a1);
                            race.cancel(0);
                        }),
                history("a provider signal that throws", ProgressThrows.Adapter.class.getName(),
                        CallHistory.of(List.of()).signalThrew(true),
                        (race, a1) -> race.progress(a1)),
                history("cancelled twice", CancelTellsEndedCallsAgain.OfCancelled.class.getName(),
                        CallHistory.of(List.of(EventKind.CANCELLED, EventKind.CANCELLED)),
                        (race, a1) -> {
                            race.cancel(0);
                            race.cancel(0);
                        }),
                history("progress after cancelled", "org.sinkcheck.mutants.SC04_ProgressAfterCancel$Adapter",
                        CallHistory.of(List.of(EventKind.CANCELLED, EventKind.PROGRESS)),
                        (race, a1) -> {
                            race.cancel(0);
                            race.progress(a1);
                        }),
                history("failed, then completed by nobody", "org.sinkcheck.mutants.SC03_ErrorThenCompleted$Adapter",
                        CallHistory.of(List.of(EventKind.FAILED, EventKind.COMPLETED)).answers(CallHistory.Answer.NOT_SENT, CallHistory.Answer.ACCEPTED),
                        (race, a1) -> race.fail(a1)));
    }

    private static Arguments history(String name, String adapterClass, CallHistory history, RaceSteps steps) {
        return Arguments.of(name, adapterClass, history, steps);
    }

    /** The steps of the race that produce the history on call a1 of sink A. */
    @FunctionalInterface
    interface RaceSteps {
        void play(Race race, RaceCall a1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("histories")
    void SC03_SC04_SC05_SC07_SC12_everyTierNamesTheRuleOfTheHistory(String name, String adapterClass, CallHistory history, RaceSteps steps)
            throws AdapterLoadException {
        Rule rule = history.violation().orElseThrow().rule();

        ConformanceReport kit = Conformance.run(load(adapterClass), KIT);
        assertEquals(kitRules(rule, adapterClass), kit.failures().stream().map(ConformanceReport.Row::rule).collect(Collectors.toSet()),
                () -> "the kit on " + name + ":\n" + kit.table());

        @SuppressWarnings("unchecked")
        Race race = new Race((SinkAdapter<Object, Object>) load(adapterClass), 1);
        RaceCall a1 = race.pendingCall("a1", 0);
        steps.play(race, a1);
        assertEquals(rule, race.brokenRule().orElseThrow(() -> new AssertionError("the stress arbiter saw nothing of " + name)).rule());

        SoakTotals soak = Soak.run(Soak.Options.defaults().adapter(load(adapterClass)).duration(SOAK).threads(2).sinks(2).progress(null));
        assertEquals(Set.of(rule), soak.violationsByRule().keySet(), () -> "the soak of " + name + ":\n" + soak.summary());
    }

    /**
     * Histories with a callback that started while another of the call ran: which rule the overlap breaks
     * is {@link CallHistory#violation()}'s precedence (SC-09 at the overlapping event, unless it is a second
     * final, judged as a final), not the tier's own. The stress arbiter used to name SC-04 for the object
     * inside {@code onCancelled} (its own SC-09 note lost to rule order), the soak SC-09 for the second
     * final: each case failed there before both handed the overlap to the history. The soak plays the
     * second final under load (its listeners cancel from inside finals); an object sent from inside a
     * callback is the race's alone (the soak's listener does not signal). The kit attributes overlaps
     * itself ({@code Attribution.overlap}), so it is not compared here.
     */
    static Stream<Arguments> overlaps() {
        return Stream.of(
                Arguments.of("an object that starts while onCancelled runs", AdmitsEverySignal.Adapter.class.getName(),
                        CallHistory.of(List.of(EventKind.CANCELLED, EventKind.OBJECT)).overlapAt(1),
                        (RaceSteps) (race, a1) -> {
                            race.inFinalCallbackOf(a1, () -> race.deliver(a1));
                            race.cancel(0);
                        }, false),
                Arguments.of("onCancelled that starts while onCompleted runs", CancelReachesARunningFinal.Adapter.class.getName(),
                        CallHistory.of(List.of(EventKind.COMPLETED, EventKind.CANCELLED)).answers(CallHistory.Answer.ACCEPTED, CallHistory.Answer.NOT_SENT)
                                .overlapAt(1),
                        (RaceSteps) (race, a1) -> {
                            race.inFinalCallbackOf(a1, () -> race.cancel(0));
                            race.complete(a1);
                        }, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlaps")
    void SC05_SC09_anOverlappingCallbackIsNamedByTheHistorysPrecedence_inTheArbiterAndTheSoak(String name, String adapterClass,
            CallHistory history, RaceSteps steps, boolean soakPlaysIt) throws AdapterLoadException {
        Rule rule = history.violation().orElseThrow().rule();

        @SuppressWarnings("unchecked")
        Race race = new Race((SinkAdapter<Object, Object>) load(adapterClass), 1);
        RaceCall a1 = race.pendingCall("a1", 0);
        steps.play(race, a1);
        assertEquals(rule, race.brokenRule().orElseThrow(() -> new AssertionError("the stress arbiter saw nothing of " + name)).rule());

        if (!soakPlaysIt) return;
        SoakTotals soak = Soak.run(Soak.Options.defaults().adapter(load(adapterClass)).duration(SOAK).threads(2).sinks(2).progress(null));
        assertEquals(Set.of(rule), soak.violationsByRule().keySet(), () -> "the soak of " + name + ":\n" + soak.summary());
    }

    /**
     * The history's rule, and SC-13 besides for {@code CancelTellsEndedCallsAgain}: to tell ended calls
     * again it keeps them until the next cancel, which the kit's reachability check sees as retention (a
     * finding about what the sink holds, which no call history names; the arbiter and the soak do not judge
     * reachability).
     */
    private static Set<Rule> kitRules(Rule rule, String adapterClass) {
        return adapterClass.startsWith(CancelTellsEndedCallsAgain.class.getName()) ? Set.of(rule, Rule.SC13) : Set.of(rule);
    }

    private static SinkAdapter<?, ?> load(String adapterClass) throws AdapterLoadException {
        return Adapters.load(adapterClass, SameHistorySameRuleTest.class.getClassLoader());
    }
}
