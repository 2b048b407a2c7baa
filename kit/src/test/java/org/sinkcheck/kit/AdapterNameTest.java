package org.sinkcheck.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.sinkcheck.reference.ReferenceSink;
import org.sinkcheck.sink.SinkListener;

/**
 * A report names the sink by {@link SinkAdapter#name()}: by default the adapter's simple name, and for the
 * usual nested {@code X$Adapter} (and an anonymous adapter) the enclosing class's, never "Adapter" for all.
 */
class AdapterNameTest {
    /** A sink adapter that is never run: only its name is read. */
    abstract static class Unrun extends SinkApiAdapter<ReferenceSink<Object>> {
        @Override
        protected ReferenceSink<Object> create(SinkListener<Object> listener, BiConsumer<Object, Throwable> errors) {
            throw new UnsupportedOperationException("not run");
        }
    }

    static final class Adapter extends Unrun {}

    static final class OffByOneAdapter extends Unrun {}

    static final class Mutant {
        static final class Adapter extends Unrun {}
    }

    @Test
    void aNestedAdapterIsNamedByItsEnclosingClassAndAnyOtherByItsOwnName() {
        assertEquals("AdapterNameTest", new Adapter().name());
        assertEquals("Mutant", new Mutant.Adapter().name());
        assertEquals("AdapterNameTest", new Unrun() {}.name());
        assertEquals("OffByOneAdapter", new OffByOneAdapter().name());
    }
}
