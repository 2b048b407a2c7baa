package org.sinkcheck.reliability;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sinkcheck.reference.adapter.SinkUnderTest;
import org.sinkcheck.kit.Capability;
import org.sinkcheck.kit.SinkAdapter;
import org.sinkcheck.model.EventKind;
import org.sinkcheck.mutants.SC01_CancelEndsOnlyOldestCall;
import org.sinkcheck.mutants.SC04_ProgressAfterCancel;
import org.sinkcheck.mutants.SC14_ForeignHandleAccepted;
import org.sinkcheck.mutants.SC14_ForgedHandleAccepted;

/**
 * Hostile and careless input: forged, foreign and stale handles (SC-14), null and duplicate contexts
 * (SC-09), signals after a call's own final (SC-05), and cancel storms from many threads racing begins
 * (SC-07, SC-06). In each: nothing reaches a listener it does not belong to, no call is lost, no error
 * is silent.
 */
class HostileInputTest {

    @Test
    void SC14_forgedHandle_isRefused_andReachesNoListener() {
        SC14_forgedHandle(SinkUnderTest.adapter());
    }

    @Test
    void SC14_forgedHandleScenario_catchesASinkThatAcceptsAForgedHandle() {
        Teeth.scenarioCatches(new SC14_ForgedHandleAccepted.Adapter(), HostileInputTest::SC14_forgedHandle);
    }

    static void SC14_forgedHandle(SinkAdapter<?, ?> adapter) {
        Needs.capability(adapter, Capability.HANDLE_CHECKS);
        RecordingEvents heard = new RecordingEvents();
        ScenarioSink a = ScenarioSink.open(adapter, heard);
        Object live = RecordingEvents.context("live call");
        ScenarioSink.Call call = a.begin(live);

        assertAllSignalsRefused(a.forged(), a.capabilities(), "a forged handle");

        assertEquals(0, heard.total(), "SC-14: a forged handle's signals reached the listener");
        assertTrue(call.deliver("x") && call.complete(), "SC-14: the forged signals disturbed the live call");
        assertEquals(List.of(EventKind.OBJECT, EventKind.COMPLETED), heard.heard(live));
    }

    @Test
    void SC14_foreignHandle_isRefused_andReachesNoListener() {
        SC14_foreignHandle(SinkUnderTest.adapter());
    }

    @Test
    void SC14_foreignHandleScenario_catchesASinkThatAcceptsAnotherSinksHandle() {
        Teeth.scenarioCatches(new SC14_ForeignHandleAccepted.Adapter(), HostileInputTest::SC14_foreignHandle);
    }

    static void SC14_foreignHandle(SinkAdapter<?, ?> adapter) {
        Needs.capability(adapter, Capability.HANDLE_CHECKS);
        RecordingEvents heardA = new RecordingEvents();
        RecordingEvents heardB = new RecordingEvents();
        ScenarioSink a = ScenarioSink.open(adapter, heardA);
        ScenarioSink b = ScenarioSink.open(adapter, heardB);
        Object ofB = RecordingEvents.context("call of b");
        ScenarioSink.Call call = b.begin(ofB);

        assertAllSignalsRefused(call.presentedTo(a), a.capabilities(), "b's handle presented to a");
        a.cancel();

        assertEquals(0, heardA.total(), "SC-02: a's listener heard of b's call");
        assertEquals(0, heardB.total(), "SC-14: the foreign signals reached b's listener");
        assertTrue(call.deliver("x") && call.complete(), "SC-02: b's call was disturbed through a");
        assertEquals(List.of(EventKind.OBJECT, EventKind.COMPLETED), heardB.heard(ofB));
    }

    /** How a call ends before its handle goes stale. */
    enum Ending { COMPLETE, FAIL, CANCEL, LISTENER_THROWS }

    @ParameterizedTest(name = "after {0}")
    @EnumSource(Ending.class)
    void SC14_staleHandleAfterTheCallsOwnFinal_isRefused_SC05(Ending ending) {
        SC14_staleHandle(SinkUnderTest.adapter(), ending);
    }

    @Test
    void SC14_staleHandleScenario_catchesASinkThatSignalsACancelledCall() {
        Teeth.scenarioCatches(new SC04_ProgressAfterCancel.Adapter(), adapter -> SC14_staleHandle(adapter, Ending.CANCEL));
    }

    static void SC14_staleHandle(SinkAdapter<?, ?> adapter, Ending ending) {
        Set<Capability> caps = adapter.capabilities();
        Needs.capability(adapter, ending == Ending.FAIL, Capability.FAIL);
        Needs.capability(adapter, ending == Ending.LISTENER_THROWS, Capability.LISTENER_ERRORS);
        RecordingEvents heard = new RecordingEvents();
        ScenarioSink a = ScenarioSink.open(adapter, heard);
        Object context = RecordingEvents.context("call");
        heard.hook((c, event) -> {
            if (ending == Ending.LISTENER_THROWS && event == EventKind.OBJECT) throw new IllegalStateException("listener fails");
        });
        ScenarioSink.Call call = a.begin(context);
        assertTrue(call.deliver("x"));
        switch (ending) {
            case COMPLETE: assertTrue(call.complete()); break;
            case FAIL: assertTrue(call.fail(new IllegalStateException("provider failure"))); break;
            case CANCEL: a.cancel(); break;
            default: break;   // the throw in the object callback ended it
        }
        List<EventKind> ended = heard.heard(context);

        assertAllSignalsRefused(call, caps, "the stale handle of a call ended by " + ending);
        a.cancel();

        assertEquals(ended, heard.heard(context), "SC-05: a call that has its final is never touched again");
        assertEquals(1, ended.stream().filter(EventKind::isFinal).count(), "SC-03: exactly one final: " + ended);
    }

    @Test
    void SC09_nullContext_isCarriedBackAsGiven_orRefusedWithAClearError() {
        RecordingEvents heard = new RecordingEvents();
        ScenarioSink a = ScenarioSink.open(SinkUnderTest.adapter(), heard);
        ScenarioSink.Call call;
        try {
            call = a.begin(null);
        } catch (RuntimeException refused) {
            String message = String.valueOf(refused.getMessage());
            assertTrue(refused.getMessage() != null && !message.isBlank() && !message.contains("\n"),
                    "a refused null context needs a clear one-line error, got: " + refused);
            if (a.capabilities().contains(Capability.RETENTION_VISIBLE)) assertEquals(0, a.pendingCalls(), "a refused begin left a call behind");
            Object context = RecordingEvents.context("after the refusal");
            assertTrue(a.begin(context).complete(), "the sink still works after refusing a null context");
            return;
        }
        assertTrue(call.deliver("x"), "the call with a null context is live");
        a.cancel();
        assertEquals(List.of(EventKind.OBJECT, EventKind.CANCELLED), heard.heard(null), "SC-09: the null context is carried back as given");
    }

    @Test
    void SC09_duplicateContexts_areTwoCalls_eachWithItsOwnFinal() {
        RecordingEvents heard = new RecordingEvents();
        ScenarioSink a = ScenarioSink.open(SinkUnderTest.adapter(), heard);
        Object shared = RecordingEvents.context("shared context");
        ScenarioSink.Call first = a.begin(shared);
        ScenarioSink.Call second = a.begin(shared);

        assertTrue(first.deliver("x") && first.complete());
        assertFalse(first.deliver("late"), "SC-05: the completed call is over");
        assertTrue(second.deliver("y"), "SC-09: completing one call with the context did not end the other");
        a.cancel();

        assertEquals(List.of(EventKind.OBJECT, EventKind.COMPLETED, EventKind.OBJECT, EventKind.CANCELLED), heard.heard(shared),
                "SC-03: each of the two calls sharing a context has its own events and one final");
        if (a.capabilities().contains(Capability.RETENTION_VISIBLE)) assertEquals(0, a.pendingCalls());
    }

    @Test
    void SC07_cancelOnAnIdleSink_isANoOp() {
        RecordingEvents heard = new RecordingEvents();
        ScenarioSink a = ScenarioSink.open(SinkUnderTest.adapter(), heard);
        assertDoesNotThrow(a::cancel, "SC-07: cancel of an idle sink threw");
        assertDoesNotThrow(a::cancel, "SC-07: a second cancel of an idle sink threw");
        assertEquals(0, heard.total(), "SC-07: cancel of an idle sink signalled");
        Object context = RecordingEvents.context("begun after");
        assertTrue(a.begin(context).complete(), "SC-08: the sink is usable after cancel");
        assertEquals(List.of(EventKind.COMPLETED), heard.heard(context));
    }

    @Test
    @Timeout(60)
    void SC07_cancelStormFromManyThreads_racingBegins_endsEveryCallExactlyOnce_SC06() {
        SC07_cancelStorm(SinkUnderTest.adapter());
    }

    @Test
    @Timeout(60)
    void SC07_cancelStormScenario_catchesACancelThatMissesACall() {
        Teeth.scenarioCatches(new SC01_CancelEndsOnlyOldestCall.Adapter(), HostileInputTest::SC07_cancelStorm);
    }

    static void SC07_cancelStorm(SinkAdapter<?, ?> adapter) {
        Needs.capability(adapter, Capability.THREAD_SAFE);
        RecordingEvents heardA = new RecordingEvents();
        RecordingEvents heardB = new RecordingEvents();
        ScenarioSink a = ScenarioSink.open(adapter, heardA);
        ScenarioSink b = ScenarioSink.open(adapter, heardB);
        List<Object> before = a.beginMany("call", 2000);
        b.beginMany("call of b", 200);
        List<Object> during = new CopyOnWriteArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Bounded.Step> steps = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            steps.add(Bounded.start("canceller " + t, () -> {
                Bounded.awaitUninterruptibly(go);
                for (int i = 0; i < 50; i++) a.cancel();
            }));
        }
        for (int t = 0; t < 2; t++) {
            int thread = t;
            steps.add(Bounded.start("beginner " + t, () -> {
                Bounded.awaitUninterruptibly(go);
                for (int i = 0; i < 500; i++) {
                    Object context = RecordingEvents.context("call " + i + " begun by thread " + thread + " during the storm");
                    during.add(context);
                    a.begin(context);
                }
            }));
        }
        go.countDown();
        for (Bounded.Step step : steps) step.await(Duration.ofSeconds(30));

        for (Object context : before) {
            assertEquals(List.of(EventKind.CANCELLED), heardA.heard(context), "SC-07: concurrent cancels end " + context + " exactly once");
        }
        for (Object context : during) {
            assertTrue(heardA.heard(context).size() <= 1, "SC-03: " + context + " heard " + heardA.heard(context));
        }
        a.cancel();
        for (Object context : during) {
            assertEquals(List.of(EventKind.CANCELLED), heardA.heard(context), "SC-06: " + context + ", begun racing cancels, was lost");
        }
        if (a.capabilities().contains(Capability.RETENTION_VISIBLE)) {
            assertEquals(0, a.pendingCalls(), "SC-13: calls remain after every call ended");
            assertEquals(200, b.pendingCalls(), "SC-02: the storm on a changed b's calls");
        }
        assertEquals(0, heardB.total(), "SC-02: the storm on a reached b's listener");
    }


    /** Every provider signal through {@code call} is refused. */
    private static void assertAllSignalsRefused(ScenarioSink.Call call, Set<Capability> caps, String what) {
        assertFalse(call.deliver("hostile"), "SC-14: the sink accepted an object through " + what);
        if (caps.contains(Capability.PROGRESS)) assertFalse(call.progress(), "SC-14: the sink accepted progress through " + what);
        assertFalse(call.complete(), "SC-14: the sink accepted complete through " + what);
        if (caps.contains(Capability.FAIL)) {
            assertFalse(call.fail(new IllegalStateException("hostile")), "SC-14: the sink accepted fail through " + what);
        }
    }

}
