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
import org.sinkcheck.kit.Capability;
import org.sinkcheck.kit.SinkAdapter;
import org.sinkcheck.model.EventKind;

/**
 * Hostile and careless input: forged, foreign and stale handles (SC-14), null and duplicate contexts
 * (SC-09), signals after a call's own final (SC-05), and cancel storms from many threads racing begins
 * (SC-07, SC-06). In each: nothing reaches a listener it does not belong to, no call is lost, no error is
 * silent. Each scenario plays on any sink through its adapter; {@link ScenariosTest} runs it on the sink
 * under test and on the mutant it must fail.
 */
final class HostileInput {
    private HostileInput() {}

    static void SC14_forgedHandle(SinkAdapter<?, ?> adapter) {
        Needs.capability(adapter, Capability.HANDLE_CHECKS);
        ScenarioSink a = ScenarioSink.open(adapter);
        Object live = RecordingEvents.context("live call");
        ScenarioSink.Call call = a.begin(live);

        assertAllSignalsRefused(a.forged(), a.capabilities(), "a forged handle");

        assertEquals(0, a.heardTotal(), "SC-14: a forged handle's signals reached the listener");
        assertTrue(call.deliver("x") && call.complete(), "SC-14: the forged signals disturbed the live call");
        assertEquals(List.of(EventKind.OBJECT, EventKind.COMPLETED), a.heard(live));
    }

    static void SC14_foreignHandle(SinkAdapter<?, ?> adapter) {
        Needs.capability(adapter, Capability.HANDLE_CHECKS);
        ScenarioSink a = ScenarioSink.open(adapter);
        ScenarioSink b = ScenarioSink.open(adapter);
        Object ofB = RecordingEvents.context("call of b");
        ScenarioSink.Call call = b.begin(ofB);

        assertAllSignalsRefused(call.presentedTo(a), a.capabilities(), "b's handle presented to a");
        a.cancel();

        assertEquals(0, a.heardTotal(), "SC-02: a's listener heard of b's call");
        assertEquals(0, b.heardTotal(), "SC-14: the foreign signals reached b's listener");
        assertTrue(call.deliver("x") && call.complete(), "SC-02: b's call was disturbed through a");
        assertEquals(List.of(EventKind.OBJECT, EventKind.COMPLETED), b.heard(ofB));
    }

    /** How a call ends before its handle goes stale. */
    enum Ending { COMPLETE, FAIL, CANCEL, LISTENER_THROWS }

    static void SC14_staleHandle(SinkAdapter<?, ?> adapter, Ending ending) {
        Set<Capability> caps = adapter.capabilities();
        Needs.capability(adapter, ending == Ending.FAIL, Capability.FAIL);
        Needs.capability(adapter, ending == Ending.LISTENER_THROWS, Capability.LISTENER_ERRORS);
        ScenarioSink a = ScenarioSink.open(adapter);
        Object context = RecordingEvents.context("call");
        a.hook((c, event) -> {
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
        List<EventKind> ended = a.heard(context);

        assertAllSignalsRefused(call, caps, "the stale handle of a call ended by " + ending);
        a.cancel();

        assertEquals(ended, a.heard(context), "SC-05: a call that has its final is never touched again");
        assertEquals(1, ended.stream().filter(EventKind::isFinal).count(), "SC-03: exactly one final: " + ended);
    }

    static void SC09_nullContext(SinkAdapter<?, ?> adapter) {
        ScenarioSink a = ScenarioSink.open(adapter);
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
        assertEquals(List.of(EventKind.OBJECT, EventKind.CANCELLED), a.heard(null), "SC-09: the null context is carried back as given");
    }

    static void SC09_duplicateContexts(SinkAdapter<?, ?> adapter) {
        ScenarioSink a = ScenarioSink.open(adapter);
        Object shared = RecordingEvents.context("shared context");
        ScenarioSink.Call first = a.begin(shared);
        ScenarioSink.Call second = a.begin(shared);

        assertTrue(first.deliver("x") && first.complete());
        assertFalse(first.deliver("late"), "SC-05: the completed call is over");
        assertTrue(second.deliver("y"), "SC-09: completing one call with the context did not end the other");
        a.cancel();

        assertEquals(List.of(EventKind.OBJECT, EventKind.COMPLETED, EventKind.OBJECT, EventKind.CANCELLED), a.heard(shared),
                "SC-03: each of the two calls sharing a context has its own events and one final");
        if (a.capabilities().contains(Capability.RETENTION_VISIBLE)) assertEquals(0, a.pendingCalls());
    }

    static void SC07_idleCancel(SinkAdapter<?, ?> adapter) {
        ScenarioSink a = ScenarioSink.open(adapter);
        assertDoesNotThrow(a::cancel, "SC-07: cancel of an idle sink threw");
        assertDoesNotThrow(a::cancel, "SC-07: a second cancel of an idle sink threw");
        assertEquals(0, a.heardTotal(), "SC-07: cancel of an idle sink signalled");
        Object context = RecordingEvents.context("begun after");
        assertTrue(a.begin(context).complete(), "SC-08: the sink is usable after cancel");
        assertEquals(List.of(EventKind.COMPLETED), a.heard(context));
    }

    static void SC07_cancelStorm(SinkAdapter<?, ?> adapter) {
        Needs.capability(adapter, Capability.THREAD_SAFE);
        ScenarioSink a = ScenarioSink.open(adapter);
        ScenarioSink b = ScenarioSink.open(adapter);
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
            assertEquals(List.of(EventKind.CANCELLED), a.heard(context), "SC-07: concurrent cancels end " + context + " exactly once");
        }
        for (Object context : during) {
            assertTrue(a.heard(context).size() <= 1, "SC-03: " + context + " heard " + a.heard(context));
        }
        a.cancel();
        for (Object context : during) {
            assertEquals(List.of(EventKind.CANCELLED), a.heard(context), "SC-06: " + context + ", begun racing cancels, was lost");
        }
        if (a.capabilities().contains(Capability.RETENTION_VISIBLE)) {
            assertEquals(0, a.pendingCalls(), "SC-13: calls remain after every call ended");
            assertEquals(200, b.pendingCalls(), "SC-02: the storm on a changed b's calls");
        }
        assertEquals(0, b.heardTotal(), "SC-02: the storm on a reached b's listener");
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
