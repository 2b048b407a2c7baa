package org.sinkcheck.kit.run;

import java.util.Set;
import java.util.function.BiConsumer;
import org.sinkcheck.kit.Capability;
import org.sinkcheck.kit.SinkAdapter;
import org.sinkcheck.kit.SinkApiAdapter;
import org.sinkcheck.reference.ReferenceSink;
import org.sinkcheck.sink.SinkListener;

/** The reference sink behind an adapter that declares the capabilities a test chooses: the kit's own tests' sink. */
public final class ReferenceDeclaring {
    private ReferenceDeclaring() {}

    public static SinkAdapter<?, ?> capabilities(Set<Capability> capabilities) {
        return new SinkApiAdapter<ReferenceSink<Object>>() {
            @Override
            protected ReferenceSink<Object> create(SinkListener<Object> listener, BiConsumer<Object, Throwable> errors) {
                return new ReferenceSink<>(listener, errors);
            }

            @Override
            public Set<Capability> capabilities() { return capabilities; }
        };
    }
}
