package org.example.toy;

import org.sinkcheck.kit.SinkAdapter;
import org.sinkcheck.kit.junit.SinkVerification;

/**
 * All an author writes to run the kit: extend {@link SinkVerification}, supply the adapter. JUnit then
 * runs one test per rule ({@code required_SC01_scopeAll} ...). {@code mvn verify -Pbroken} runs it on
 * {@link OffByOneToySink} instead, to see what a failure looks like.
 */
class ToySinkVerificationTest extends SinkVerification {
    @Override
    protected SinkAdapter<?, ?> adapter() {
        return new ToySinkAdapter(Boolean.getBoolean("toy.broken") ? OffByOneToySink::new : ToySink::new);
    }
}
