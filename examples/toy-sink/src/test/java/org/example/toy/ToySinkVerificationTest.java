package org.example.toy;

import org.sinkcheck.kit.SinkAdapter;
import org.sinkcheck.kit.junit.SinkVerification;
import org.sinkcheck.kit.junit.Waive;

/**
 * All an author writes to run the kit: extend {@link SinkVerification}, supply the adapter. JUnit then
 * runs one test per rule ({@code required_SC01_scopeAll} ...). {@code mvn verify -Pbroken} runs it on
 * {@link OffByOneToySink} instead, to see what a failure looks like.
 *
 * <p>The toy is single-threaded by design, so its adapter does not promise {@code THREAD_SAFE}: without
 * the waiver, SC-11 (cancel never blocks on another thread) would fail as NOT PROMISED.
 */
// --8<-- [test-class]
@Waive("SC-11")
class ToySinkVerificationTest extends SinkVerification {
    @Override
    protected SinkAdapter<?, ?> adapter() {
        return new ToySinkAdapter(Boolean.getBoolean("toy.broken") ? OffByOneToySink::new : ToySink::new);
    }
}
// --8<-- [test-class]
