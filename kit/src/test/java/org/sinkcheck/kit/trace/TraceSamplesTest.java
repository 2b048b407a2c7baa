package org.sinkcheck.kit.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sinkcheck.kit.Events;
import org.sinkcheck.kit.SinkAdapter;
import org.sinkcheck.kit.SinkApiAdapter;
import org.sinkcheck.reference.ReferenceSink;
import org.sinkcheck.sink.CallHandle;

/** Independent samples, each with its own recorder, become one trace whose segments are the samples. */
class TraceSamplesTest {

    @Test
    void samplesAreConcatenatedWithTheirIdsRenumberedSoThatNoTwoSamplesShareASinkACallOrAThread() {
        TraceSamples samples = new TraceSamples();
        samples.add(sample(false));
        samples.add(sample(true));
        List<TraceEvent> merged = samples.merged();
        assertEquals(2, samples.samples());
        assertEquals(merged.size(), samples.events());
        for (int i = 0; i < merged.size(); i++) assertEquals(i + 1, merged.get(i).seq(), "seq is the file order");
        int half = merged.size() / 2;
        assertEquals(TraceEvent.Kind.QUIET, merged.get(half - 1).kind(), "the first sample ends quiet");
        assertEquals(TraceEvent.Kind.QUIET, merged.get(merged.size() - 1).kind());
        assertTrue(merged.subList(0, half).stream().allMatch(e -> e.thread() == 1 && List.of("", "s1").contains(e.sink())
                && List.of("", "c1").contains(e.call())), merged.toString());
        assertTrue(merged.subList(half, merged.size()).stream().allMatch(e -> e.thread() == 2 && List.of("", "s2").contains(e.sink())
                && List.of("", "c2").contains(e.call())), merged.toString());
    }

    @Test
    void aSampleThatDoesNotEndQuietIsRefusedInOneLine() {
        TraceRecorder unfinished = new TraceRecorder();
        SinkAdapter<ReferenceSink<Object>, CallHandle> traced = unfinished.wrap(reference());
        traced.begin(traced.newSink(silent()), "a1");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TraceSamples().add(unfinished));
        assertTrue(e.getMessage().startsWith("a sample must end with quiet: its last event is {"), e.getMessage());
    }

    /** One call on a fresh sink, completed or cancelled, then quiet: every id 1 in its own recorder. */
    private static TraceRecorder sample(boolean complete) {
        TraceRecorder recorder = new TraceRecorder();
        SinkAdapter<ReferenceSink<Object>, CallHandle> traced = recorder.wrap(reference());
        ReferenceSink<Object> sink = traced.newSink(silent());
        CallHandle call = traced.begin(sink, "a1");
        if (complete) traced.complete(sink, call); else traced.cancel(sink);
        recorder.quiet();
        return recorder;
    }

    private static SinkApiAdapter<ReferenceSink<Object>> reference() {
        return new SinkApiAdapter<ReferenceSink<Object>>() {
            @Override
            protected ReferenceSink<Object> create(org.sinkcheck.sink.SinkListener<Object> listener,
                                                   java.util.function.BiConsumer<Object, Throwable> errors) {
                return new ReferenceSink<>(listener, errors);
            }
        };
    }

    private static Events silent() {
        return new Events() {
            @Override public void object(Object context, Object object) {}
            @Override public void progress(Object context) {}
            @Override public void completed(Object context) {}
            @Override public void failed(Object context, Throwable error) {}
            @Override public void cancelled(Object context) {}
            @Override public void listenerError(Object context, Throwable error) {}
        };
    }
}
