package org.sinkcheck.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sinkcheck.kit.SinkAdapter;
import org.sinkcheck.kit.Settling;
import org.sinkcheck.kit.SinkApiAdapter;
import org.sinkcheck.reference.ReferenceSink;
import org.sinkcheck.reference.adapter.ReferenceSinkAdapter;
import org.sinkcheck.sink.SinkListener;

/**
 * The arbiter grades the window after {@code cancel()} returned, not only the settled end state: a
 * signal sent after the cancel of its call's sink returned must be refused. A sink whose cancel returns
 * before its sweep decided anything (the sweep runs only when the sink settles) accepts it, and once
 * settled the call reads {@code object+cancelled}, the allowed in-flight delivery; the note the race
 * takes when the signal is sent tells the two apart. The steps run one after the other on one thread.
 */
class CancelWindowTest {

    @ParameterizedTest(name = "{0} sent after cancel returned: {1} on the reference sink, {2} on a late sweep")
    @CsvSource({
            "object, a1:cancelled, SC-04:a1:object-accepted-after-the-cancel-of-A-returned",
            "complete, a1:cancelled, SC-05:a1:complete-accepted-after-the-cancel-of-A-returned"})
    void SC04_SC05_aSignalSentAfterCancelReturnedMustBeRefusedBeforeAnythingSettles(String signal, String onReference, String onLateSweep) {
        Consumer<Race> steps = race -> {
            RaceCall a1 = race.pendingCall("a1", 0);
            race.cancel(0);
            if (signal.equals("object")) race.deliver(a1);
            else race.complete(a1);
        };
        assertEquals(onReference, run(new ReferenceSinkAdapter(), steps));
        assertEquals(onLateSweep, run(new SweepsWhenSettled(), steps));
    }

    private static String run(SinkAdapter<?, ?> adapter, Consumer<Race> steps) {
        @SuppressWarnings("unchecked")
        Race race = new Race((SinkAdapter<Object, Object>) adapter, 1);
        steps.accept(race);
        return race.endState();
    }

    /** The reference sink whose {@code cancel()} only asks for a sweep, which runs when the sink settles. */
    private static final class SweepsWhenSettled extends SinkApiAdapter<ReferenceSink<Object>> {
        private final Set<ReferenceSink<Object>> sweepAsked = Collections.newSetFromMap(new WeakHashMap<>());

        @Override
        protected ReferenceSink<Object> create(SinkListener<Object> listener, BiConsumer<Object, Throwable> listenerErrors) {
            return new ReferenceSink<>(listener, listenerErrors);
        }

        @Override public void cancel(ReferenceSink<Object> sink) { sweepAsked.add(sink); }

        @Override
        public void settle(ReferenceSink<Object> sink, Settling settling) {
            if (sweepAsked.remove(sink)) sink.cancel();
        }

        @Override public String name() { return "sweeps-when-settled"; }
    }
}
