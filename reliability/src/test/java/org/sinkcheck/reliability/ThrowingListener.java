package org.sinkcheck.reliability;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sinkcheck.kit.Capability;
import org.sinkcheck.kit.SinkAdapter;
import org.sinkcheck.model.EventKind;
import org.sinkcheck.reliability.RecordingEvents.ReportedError;

/**
 * SC-15, a throwing listener harms no one else: a throw from an object or progress callback cancels that
 * call only (it then gets {@code onCancelled}); a throw from a final callback changes nothing more; the
 * exception is reported through the sink's listener-error channel exactly once, with the call's context;
 * and a throw in the middle of a cancel sweep keeps no other call from its final. Each scenario plays on
 * any sink through its adapter; {@link ScenariosTest} runs it on the sink under test and on the mutant it
 * must fail.
 */
final class ThrowingListener {
    private static final int SWEPT = 1000;

    private ThrowingListener() {}

    static void SC15_throwFromCallback(SinkAdapter<?, ?> adapter, EventKind kind) {
        Set<Capability> caps = adapter.capabilities();
        Needs.capability(adapter, Capability.LISTENER_ERRORS);
        Needs.toSignal(adapter, kind);
        ScenarioSink a = ScenarioSink.open(adapter);
        ScenarioSink b = ScenarioSink.open(adapter);
        Object thrower = RecordingEvents.context("thrower");
        Object bystander = RecordingEvents.context("bystander");
        Object elsewhere = RecordingEvents.context("call of the other sink");
        RuntimeException boom = new IllegalStateException("the listener fails in " + kind.tla());
        a.hook((context, event) -> {
            if (context == thrower && event == kind) throw boom;
        });
        ScenarioSink.Call t = a.begin(thrower);
        ScenarioSink.Call s = a.begin(bystander);
        ScenarioSink.Call o = b.begin(elsewhere);

        switch (kind) {
            case OBJECT: assertTrue(t.deliver("x"), "the object was accepted: its callback ran"); break;
            case PROGRESS: assertTrue(t.progress(), "the progress was accepted: its callback ran"); break;
            case COMPLETED: assertTrue(t.complete(), "the complete was accepted"); break;
            case FAILED: assertTrue(t.fail(new IllegalStateException("provider failure")), "the fail was accepted"); break;
            default: assertDoesNotThrow(a::cancel, "SC-15: the listener's exception escaped cancel()"); break;
        }

        List<EventKind> expected = kind.isFinal() ? List.of(kind) : List.of(kind, EventKind.CANCELLED);
        assertEquals(expected, a.heard(thrower), "SC-15: a throw from " + kind.tla() + " ends the call " + expected);
        assertEquals(List.of(new ReportedError(thrower, boom)), a.listenerErrors(), "SC-15: the exception is reported once, with its call's context");
        assertFalse(t.deliver("after"), "SC-15: the call whose listener threw has ended");
        assertEquals(expected, a.heard(thrower), "nothing follows the final");
        if (kind == EventKind.CANCELLED || !kind.isFinal()) {
            if (caps.contains(Capability.PROVIDER_TOLD)) assertTrue(t.providerSeesCancelled(), "SC-12: the provider is told its call was cancelled");
        }
        if (kind == EventKind.CANCELLED) {
            assertEquals(List.of(EventKind.CANCELLED), a.heard(bystander), "SC-01: the sweep ended the other call too");
        } else {
            assertTrue(s.deliver("y") && s.complete(), "SC-15: the other call of the sink is untouched and live");
            assertEquals(List.of(EventKind.OBJECT, EventKind.COMPLETED), a.heard(bystander));
        }
        assertTrue(o.deliver("z") && o.complete(), "SC-02: the other sink's call is untouched and live");
        assertEquals(List.of(EventKind.OBJECT, EventKind.COMPLETED), b.heard(elsewhere));
        assertTrue(b.listenerErrors().isEmpty(), "SC-02: no error reached the other sink");
    }

    static void SC15_throwsDuringSweep(SinkAdapter<?, ?> adapter) {
        Needs.capability(adapter, Capability.LISTENER_ERRORS);
        ScenarioSink a = ScenarioSink.open(adapter);
        ScenarioSink b = ScenarioSink.open(adapter);
        List<Object> contexts = new ArrayList<>();
        Map<Object, RuntimeException> thrown = new IdentityHashMap<>();
        for (int i = 0; i < SWEPT; i++) {
            Object context = RecordingEvents.context("call " + i);
            contexts.add(context);
            if (i % 3 == 0) thrown.put(context, new IllegalStateException("the listener fails on call " + i));
            a.begin(context);
        }
        List<Object> others = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            others.add(RecordingEvents.context("call " + i + " of the other sink"));
            b.begin(others.get(i));
        }
        a.hook((context, event) -> {
            RuntimeException e = thrown.get(context);
            if (e != null && event == EventKind.CANCELLED) throw e;
        });

        assertDoesNotThrow(a::cancel, "SC-15: a listener's exception escaped cancel() instead of being reported");

        for (Object context : contexts) {
            assertEquals(List.of(EventKind.CANCELLED), a.heard(context), "SC-15: " + context + " must get exactly its final, whatever other calls' listeners threw");
        }
        List<ReportedError> reported = a.listenerErrors();
        Set<Object> reportedFor = new HashSet<>();
        for (ReportedError r : reported) {
            assertSame(thrown.get(r.context()), r.error(), "SC-15: the error of " + r.context() + " is reported with its own context");
            assertTrue(reportedFor.add(r.context()), "SC-15: the error of " + r.context() + " is reported once");
        }
        assertEquals(thrown.size(), reported.size(), "SC-15: every one of the " + thrown.size() + " listener errors is reported, none swallowed");
        assertEquals(0, b.heardTotal(), "SC-02: the other sink's listener heard nothing");
        for (Object context : others) assertTrue(b.heard(context).isEmpty());
        b.cancel();
        for (Object context : others) assertEquals(List.of(EventKind.CANCELLED), b.heard(context), "the other sink's calls were live");
    }
}
