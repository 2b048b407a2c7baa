package org.sinkcheck.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sinkcheck.kit.Capability;
import org.sinkcheck.kit.Events;
import org.sinkcheck.kit.SinkAdapter;

/**
 * The checks that keep the cancel benchmarks honest: every implementation passes them, and a sink that
 * leaves a call live, or reaches into its neighbour, fails them (so JMH would fail the benchmark).
 */
class LoadedSinkTest {

    @ParameterizedTest
    @EnumSource(Implementation.class)
    void SC01_every_implementation_cancels_every_pending_call_observably(Implementation impl) {
        LoadedSink<?, ?> sink = LoadedSink.open(Implementation.adapter(impl.id()), 1_000);
        LoadedSink<?, ?> neighbour = LoadedSink.open(Implementation.adapter(impl.id()), 10);
        sink.cancel();
        sink.verifyAllCancelled();
        assertTrue(sink.quiet());
        neighbour.verifyUntouched();
    }

    @ParameterizedTest
    @EnumSource(value = Implementation.class, names = "LIMIT", mode = EnumSource.Mode.EXCLUDE)
    void SC08_every_sink_takes_new_calls_after_a_cancel(Implementation impl) {
        LoadedSink<?, ?> sink = LoadedSink.open(Implementation.adapter(impl.id()), 3);
        sink.cancel();
        assertTrue(sink.beginAndComplete(), impl.id());
        Object live = sink.begin();
        assertTrue(sink.deliver(live, "object"), impl.id());
    }

    @Test
    void SC01_a_cancel_that_leaves_calls_live_fails_the_check() {
        LoadedSink<?, ?> sink = LoadedSink.open(new IgnoresCancel<>(Implementation.adapter("rxjava")), 100);
        sink.cancel();
        IllegalStateException e = assertThrows(IllegalStateException.class, sink::verifyAllCancelled);
        assertTrue(e.getMessage().contains("call 0 of 100 still accepted a delivery"), e.getMessage());
    }

    @Test
    void SC02_a_cancel_that_reaches_the_neighbour_fails_the_check() {
        SinkAdapter<?, ?> shared = new OneSinkForAll<>(Implementation.adapter("concurrent-set"));
        LoadedSink<?, ?> neighbour = LoadedSink.open(shared, 10);
        LoadedSink<?, ?> sink = LoadedSink.open(shared, 10);
        sink.cancel();
        IllegalStateException e = assertThrows(IllegalStateException.class, neighbour::verifyUntouched);
        assertTrue(e.getMessage().contains("another sink's cancel"), e.getMessage());
    }

    @Test
    void the_limit_is_refused_on_the_common_path() {
        CommonPathBenchmark.SharedSink state = new CommonPathBenchmark.SharedSink();
        state.impl = Implementation.LIMIT.id();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, state::open);
        assertEquals("bench: 'limit' lacks THREAD_SAFE, needed by begin + complete from two threads", e.getMessage());
    }

    @Test
    void an_unknown_implementation_is_named_in_one_line() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Implementation.adapter("no.such.Adapter"));
        assertTrue(e.getMessage().startsWith("bench: unknown implementation 'no.such.Adapter'"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    /** A broken sink: its cancel does nothing at all. */
    private static final class IgnoresCancel<S, H> extends Forwarding<S, H> {
        IgnoresCancel(SinkAdapter<S, H> real) { super(real); }

        @Override public void cancel(S sink) { }
    }

    /** A broken sink: every "new" sink is the first one, so a cancel reaches all of them. */
    private static final class OneSinkForAll<S, H> extends Forwarding<S, H> {
        private S only;

        OneSinkForAll(SinkAdapter<S, H> real) { super(real); }

        @Override public S newSink(Events events) {
            if (only == null) only = real.newSink(events);
            return only;
        }
    }
}
