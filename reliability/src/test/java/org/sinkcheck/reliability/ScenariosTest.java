package org.sinkcheck.reliability;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Arrays;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sinkcheck.kit.SinkAdapter;
import org.sinkcheck.model.EventKind;
import org.sinkcheck.mutants.SC01_CancelEndsOnlyOldestCall;
import org.sinkcheck.mutants.SC04_ProgressAfterCancel;
import org.sinkcheck.mutants.SC11_CancelBlocksOnSlowListener;
import org.sinkcheck.mutants.SC13_FinishedCallsRetained;
import org.sinkcheck.mutants.SC14_ForeignHandleAccepted;
import org.sinkcheck.mutants.SC14_ForgedHandleAccepted;
import org.sinkcheck.mutants.SC15_ListenerErrorSwallowed;
import org.sinkcheck.mutants.SC15_ThrowingListenerStopsSweep;
import org.sinkcheck.mutants.SC16_CancelInCallbackIgnored;
import org.sinkcheck.reference.adapter.SinkUnderTest;

/**
 * Every scenario of this module's stories ({@link HostileInput}, {@link NoDeadlock},
 * {@link ThrowingListener}, {@link Leaks}) in one table: each holds on the sink under test, and each
 * has teeth: it passes on the mutants' correct fixture and fails on a mutant that breaks the rule it
 * checks ({@link Teeth}). A case is named by that rule. Each runs on a thread of its own within its time
 * limit, so a hang, even one no interrupt ends, fails the case instead of hanging CI.
 */
class ScenariosTest {
    private static final Duration HALF_MINUTE = Duration.ofSeconds(30);
    private static final Duration MINUTE = Duration.ofSeconds(60);

    /** A scenario, as its report names it, played on one sink's adapter within {@code limit}. */
    record Scenario(String name, Duration limit, Consumer<SinkAdapter<?, ?>> play) {
        @Override public String toString() { return name; }
    }

    /** A scenario and the mutant it must fail on, as the report names the pair. */
    record Bite(String name, Duration limit, Supplier<SinkAdapter<?, ?>> mutant, Consumer<SinkAdapter<?, ?>> scenario) {
        @Override public String toString() { return name; }
    }

    static Stream<Scenario> scenarios() {
        return Stream.of(
                Stream.of(
                        new Scenario("SC14_forgedHandle_isRefused_andReachesNoListener", MINUTE, HostileInput::SC14_forgedHandle),
                        new Scenario("SC14_foreignHandle_isRefused_andReachesNoListener", MINUTE, HostileInput::SC14_foreignHandle)),
                each("SC14_staleHandleAfterTheCallsOwnFinal_isRefused_SC05, after", MINUTE, HostileInput.Ending.values(), HostileInput::SC14_staleHandle),
                Stream.of(
                        new Scenario("SC09_nullContext_isCarriedBackAsGiven_orRefusedWithAClearError", MINUTE, HostileInput::SC09_nullContext),
                        new Scenario("SC09_duplicateContexts_areTwoCalls_eachWithItsOwnFinal", MINUTE, HostileInput::SC09_duplicateContexts),
                        new Scenario("SC07_cancelOnAnIdleSink_isANoOp", MINUTE, HostileInput::SC07_idleCancel),
                        new Scenario("SC07_cancelStormFromManyThreads_racingBegins_endsEveryCallExactlyOnce_SC06", MINUTE, HostileInput::SC07_cancelStorm)),
                each("SC16_cancelFromInsideEveryKindOfCallback_takesEffect_withoutDeadlock, cancel inside", HALF_MINUTE, EventKind.values(), NoDeadlock::SC16_cancelInsideCallback),
                Stream.of(
                        new Scenario("SC16_twoSinksWhoseListenersCancelEachOther_whileBothAreCancelled_finish_dotnet43438", MINUTE, adapter -> NoDeadlock.SC16_mutualCancel(adapter, 50)),
                        new Scenario("SC11_listenerBlockedInOneSink_doesNotStopAnotherSinksCancel", HALF_MINUTE, NoDeadlock::SC11_blockedListenerElsewhere),
                        new Scenario("SC11_listenerBlockedInOneCall_doesNotStopItsOwnSinksCancel_SC04", HALF_MINUTE, NoDeadlock::SC11_blockedListenerInOwnSink)),
                each("SC15_throwFromACallback_endsOnlyItsOwnCallAsTheRuleSays_andIsReported, throw from", MINUTE, EventKind.values(), ThrowingListener::SC15_throwFromCallback),
                Stream.of(
                        new Scenario("SC15_throwsInTheMiddleOfACancelSweep_keepNoOtherCallFromItsFinal_andAreAllReported", MINUTE, ThrowingListener::SC15_throwsDuringSweep),
                        new Scenario("SC13_millionCompleteAndMillionCancelCycles_leaveTheSinkAtItsBaselineSize", Duration.ofSeconds(120), adapter -> Leaks.SC13_cyclesLeaveTheSinkAtItsBaselineSize(adapter, Leaks.CYCLES)),
                        new Scenario("SC13_racingBeginsCompletesAndCancels_leaveTheSinkAtItsBaselineSize_kotlinx1845", MINUTE, adapter -> Leaks.SC13_racingCyclesLeaveTheSinkAtItsBaselineSize(adapter, 100_000))),
                each("SC13_finishedCallsContextObjectAndHandle_becomeCollectible, ended by", MINUTE, Leaks.Ending.values(), Leaks::SC13_remainsOfFinishedCallsBecomeCollectible))
                .flatMap(cases -> cases);
    }

    static Stream<Bite> bites() {
        return Stream.of(
                new Bite("SC14_forgedHandleScenario_catchesASinkThatAcceptsAForgedHandle", MINUTE, SC14_ForgedHandleAccepted.Adapter::new, HostileInput::SC14_forgedHandle),
                new Bite("SC14_foreignHandleScenario_catchesASinkThatAcceptsAnotherSinksHandle", MINUTE, SC14_ForeignHandleAccepted.Adapter::new, HostileInput::SC14_foreignHandle),
                new Bite("SC14_staleHandleScenario_catchesASinkThatSignalsACancelledCall", MINUTE, SC04_ProgressAfterCancel.Adapter::new, adapter -> HostileInput.SC14_staleHandle(adapter, HostileInput.Ending.CANCEL)),
                new Bite("SC07_cancelStormScenario_catchesACancelThatMissesACall", MINUTE, SC01_CancelEndsOnlyOldestCall.Adapter::new, HostileInput::SC07_cancelStorm),
                new Bite("SC16_cancelInsideCallbackScenario_catchesACancelInCallbackThatIsIgnored", HALF_MINUTE, SC16_CancelInCallbackIgnored.Adapter::new, adapter -> NoDeadlock.SC16_cancelInsideCallback(adapter, EventKind.OBJECT)),
                new Bite("SC16_mutualCancelScenario_catchesASinkThatRunsListenersUnderItsLock", MINUTE, SC11_CancelBlocksOnSlowListener.Adapter::new, adapter -> NoDeadlock.SC16_mutualCancel(adapter, 3)),
                new Bite("SC11_blockedElsewhereScenario_catchesSinksSharingOneLockWhileListenersRun", HALF_MINUTE, SC11_SinksShareOneLockWhileListenersRun.Adapter::new, NoDeadlock::SC11_blockedListenerElsewhere),
                new Bite("SC11_blockedInOwnSinkScenario_catchesASinkThatRunsListenersUnderItsLock", HALF_MINUTE, SC11_CancelBlocksOnSlowListener.Adapter::new, NoDeadlock::SC11_blockedListenerInOwnSink),
                new Bite("SC15_throwFromCallbackScenario_catchesASinkThatSwallowsListenerErrors", MINUTE, SC15_ListenerErrorSwallowed.Adapter::new, adapter -> ThrowingListener.SC15_throwFromCallback(adapter, EventKind.OBJECT)),
                new Bite("SC15_sweepScenario_catchesASweepThatStopsAtTheFirstThrow", MINUTE, SC15_ThrowingListenerStopsSweep.Adapter::new, ThrowingListener::SC15_throwsDuringSweep),
                new Bite("SC15_sweepScenario_catchesASinkThatSwallowsListenerErrors", MINUTE, SC15_ListenerErrorSwallowed.Adapter::new, ThrowingListener::SC15_throwsDuringSweep),
                new Bite("SC13_cyclesScenario_catchesASinkThatRetainsFinishedCalls", MINUTE, SC13_FinishedCallsRetained.Adapter::new, adapter -> Leaks.SC13_cyclesLeaveTheSinkAtItsBaselineSize(adapter, Leaks.WARM_UP)),
                new Bite("SC13_racingCyclesScenario_catchesASinkThatRetainsFinishedCalls", MINUTE, SC13_FinishedCallsRetained.Adapter::new, adapter -> Leaks.SC13_racingCyclesLeaveTheSinkAtItsBaselineSize(adapter, 2_000)),
                new Bite("SC13_collectibleScenario_catchesASinkThatRetainsFinishedCalls", MINUTE, SC13_FinishedCallsRetained.Adapter::new, adapter -> Leaks.SC13_remainsOfFinishedCallsBecomeCollectible(adapter, Leaks.Ending.COMPLETE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void holdsOnTheSinkUnderTest(Scenario scenario) {
        assertTimeoutPreemptively(scenario.limit(), () -> ScenarioSink.play(SinkUnderTest.adapter(), scenario.play()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bites")
    void failsOnItsMutant(Bite bite) {
        assertTimeoutPreemptively(bite.limit(), () -> Teeth.scenarioCatches(bite.mutant().get(), bite.scenario()));
    }

    /** One case of {@code name} for each of {@code values}: the parameterized stories. */
    private static <E> Stream<Scenario> each(String name, Duration limit, E[] values, BiConsumer<SinkAdapter<?, ?>, E> play) {
        return Arrays.stream(values).map(value -> new Scenario(name + " " + value, limit, adapter -> play.accept(adapter, value)));
    }
}
