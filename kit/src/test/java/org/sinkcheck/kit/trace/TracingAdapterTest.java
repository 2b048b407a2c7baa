package org.sinkcheck.kit.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sinkcheck.kit.Events;
import org.sinkcheck.kit.SinkAdapter;
import org.sinkcheck.reference.ReferenceSink;
import org.sinkcheck.kit.SinkApiAdapter;
import org.sinkcheck.sink.CallHandle;

/** The recorder decorates any adapter: it forwards every SPI method and logs what each one did. */
class TracingAdapterTest {

    /** Fails as soon as SinkAdapter gains a method the decorator does not override (a default would silently bypass it). */
    @Test
    void forwardsEveryMethodOfTheSpi() {
        List<String> missing = new ArrayList<>();
        for (Method m : SinkAdapter.class.getMethods()) {
            if (Modifier.isStatic(m.getModifiers())) continue;
            try {
                Method own = TracingAdapter.class.getDeclaredMethod(m.getName(), m.getParameterTypes());
                if (own.isSynthetic()) missing.add(m.getName());
            } catch (NoSuchMethodException e) {
                missing.add(m.getName());
            }
        }
        assertEquals(List.of(), missing, "SinkAdapter methods TracingAdapter does not forward");
    }

    @Test
    void logsInvocationReturnAndCallbacksInTicketOrderAndGivesTheCallerItsOwnContext() {
        TraceRecorder recorder = new TraceRecorder();
        SinkAdapter<ReferenceSink<Object>, CallHandle> traced = recorder.wrap(new SinkApiAdapter<ReferenceSink<Object>>() {
            @Override
            protected ReferenceSink<Object> create(org.sinkcheck.sink.SinkListener<Object> listener,
                                                   java.util.function.BiConsumer<Object, Throwable> errors) {
                return new ReferenceSink<>(listener, errors);
            }
        });
        List<Object> contexts = new ArrayList<>();
        var sink = traced.newSink(new Events() {
            @Override public void object(Object context, Object object) { contexts.add(context); }
            @Override public void progress(Object context) {}
            @Override public void completed(Object context) { contexts.add(context); }
            @Override public void failed(Object context, Throwable error) {}
            @Override public void cancelled(Object context) {}
            @Override public void listenerError(Object context, Throwable error) {}
        });
        Object mine = new Object();
        var call = traced.begin(sink, mine);
        assertTrue(traced.deliver(sink, call, "x"));
        assertTrue(traced.complete(sink, call));
        assertFalse(traced.complete(sink, call));
        assertEquals(List.of(mine, mine), contexts);
        List<String> lines = recorder.events().stream().map(TraceEvent::toJson).toList();
        assertEquals(List.of(
                "{\"seq\":1,\"thread\":1,\"kind\":\"inv\",\"op\":\"begin\",\"sink\":\"s1\",\"call\":\"c1\"}",
                "{\"seq\":2,\"thread\":1,\"kind\":\"ret\",\"op\":\"begin\",\"sink\":\"s1\",\"call\":\"c1\",\"ok\":true}",
                "{\"seq\":3,\"thread\":1,\"kind\":\"inv\",\"op\":\"object\",\"sink\":\"s1\",\"call\":\"c1\",\"n\":1}",
                "{\"seq\":4,\"thread\":1,\"kind\":\"cb\",\"sink\":\"s1\",\"call\":\"c1\",\"event\":\"object\"}",
                "{\"seq\":5,\"thread\":1,\"kind\":\"cbEnd\",\"sink\":\"s1\",\"call\":\"c1\"}",
                "{\"seq\":6,\"thread\":1,\"kind\":\"ret\",\"op\":\"object\",\"sink\":\"s1\",\"call\":\"c1\",\"ok\":true}",
                "{\"seq\":7,\"thread\":1,\"kind\":\"inv\",\"op\":\"complete\",\"sink\":\"s1\",\"call\":\"c1\"}",
                "{\"seq\":8,\"thread\":1,\"kind\":\"cb\",\"sink\":\"s1\",\"call\":\"c1\",\"event\":\"completed\"}",
                "{\"seq\":9,\"thread\":1,\"kind\":\"cbEnd\",\"sink\":\"s1\",\"call\":\"c1\"}",
                "{\"seq\":10,\"thread\":1,\"kind\":\"ret\",\"op\":\"complete\",\"sink\":\"s1\",\"call\":\"c1\",\"ok\":true}",
                "{\"seq\":11,\"thread\":1,\"kind\":\"inv\",\"op\":\"complete\",\"sink\":\"s1\",\"call\":\"c1\"}",
                "{\"seq\":12,\"thread\":1,\"kind\":\"ret\",\"op\":\"complete\",\"sink\":\"s1\",\"call\":\"c1\",\"ok\":false}"), lines);
        for (String line : lines) assertEquals(line, TraceEvent.fromJson(line).toJson(), "NDJSON round trip");
    }

    @Test
    void aLineThatIsNotATraceEventSaysWhatIsWrongInOneLine() {
        assertEquals("unknown kind \"nope\"", assertThrows(IllegalArgumentException.class,
                () -> TraceEvent.fromJson("{\"seq\":1,\"thread\":1,\"kind\":\"nope\"}")).getMessage());
        assertEquals("missing field \"op\"", assertThrows(IllegalArgumentException.class,
                () -> TraceEvent.fromJson("{\"seq\":1,\"thread\":1,\"kind\":\"inv\",\"sink\":\"s1\"}")).getMessage());
        assertEquals("field \"seq\" is not a number: \"x\"", assertThrows(IllegalArgumentException.class,
                () -> TraceEvent.fromJson("{\"seq\":\"x\",\"thread\":1,\"kind\":\"quiet\"}")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TraceEvent.fromJson("[1, 2]")).getMessage()
                .startsWith("not a JSON object"));
    }
}
