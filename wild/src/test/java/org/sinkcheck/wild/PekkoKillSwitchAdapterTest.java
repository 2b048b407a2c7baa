package org.sinkcheck.wild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sinkcheck.kit.Settling;

/**
 * What the Pekko adapter assumes of Pekko streams, tested directly: elements arrive on the actor system's
 * threads; {@code abort} ends a stream so that both its listener and its provider's watch can tell it from
 * a normal end, which {@code shutdown} does not (why cancel is {@code abort}); a switch once fired ends
 * every stream materialized through it later (SC-08, by design); a queue whose stream ended refuses
 * {@code complete} by throwing, which the adapter maps to a refusal.
 */
@Timeout(60)
class PekkoKillSwitchAdapterTest {
    private final PekkoKillSwitchAdapter adapter = new PekkoKillSwitchAdapter();
    private final HeardEvents events = new HeardEvents();
    private final KillSwitchSink sink = adapter.newSink(events);

    @AfterEach
    void dispose() { adapter.dispose(sink); }

    private void settle(String after) { adapter.settle(sink, Settling.after(after, Duration.ofSeconds(10))); }

    @Test
    void elementsArriveOnTheActorSystemsThreads() {
        SwitchedStream call = adapter.begin(sink, "c1");
        assertTrue(adapter.deliver(sink, call, "an element"));
        settle("deliver to c1");
        assertEquals(List.of("object an element"), events.of("c1"));
        String thread = events.heard().get(0).thread();
        assertTrue(thread.startsWith("sinkcheck-wild-pekko"), "ran on " + thread);
    }

    @Test
    void SC12_abortEndsAStreamSoThatItsListenerAndItsProviderTellItFromANormalEnd() {
        SwitchedStream completed = adapter.begin(sink, "c1");
        SwitchedStream cancelled = adapter.begin(sink, "c2");
        adapter.complete(sink, completed);
        settle("complete c1");
        adapter.cancel(sink);
        settle("cancel s1");
        assertEquals(List.of("completed"), events.of("c1"));
        assertEquals(List.of("cancelled"), events.of("c2"));
        assertFalse(adapter.providerSeesCancelled(sink, completed));
        assertTrue(adapter.providerSeesCancelled(sink, cancelled));
        assertFalse(adapter.complete(sink, cancelled), "Pekko throws from complete() on an ended stream's queue: refused");
    }

    @Test
    void shutdownInsteadOfAbortEndsTheStreamsAsIfTheirProvidersHadCompletedThem() {
        SwitchedStream call = adapter.begin(sink, "c1");
        settle("begin c1 on s1");
        sink.killSwitch().shutdown();   // the sink does not know of it: wait for the stream's end here
        Settling.after("shutdown s1", Duration.ofSeconds(10)).until("c1's end, heard by its listener and its provider",
                () -> !events.of("c1").isEmpty() && call.quiet(sink.fired()));
        assertEquals(List.of("completed"), events.of("c1"), "shutdown() completes the stream: indistinguishable from complete()");
        assertFalse(adapter.providerSeesCancelled(sink, call), "and the provider's watch says it finished normally");
    }

    @Test
    void SC08_aFiredSwitchEndsEveryStreamMaterializedThroughItLater() {
        adapter.cancel(sink);
        settle("cancel s1");
        adapter.begin(sink, "c1");
        settle("begin c1 on s1");
        assertEquals(List.of("cancelled"), events.of("c1"));
    }
}
