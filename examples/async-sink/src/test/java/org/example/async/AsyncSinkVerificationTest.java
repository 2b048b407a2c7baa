package org.example.async;

import org.sinkcheck.kit.SinkAdapter;
import org.sinkcheck.kit.junit.SinkVerification;

/**
 * The kit on the asynchronous sink: one test per rule. {@code mvn verify -Pbroken} runs it on
 * {@link SkipsTheRunningRequestAsyncSink} instead, which fails SC-16.
 */
class AsyncSinkVerificationTest extends SinkVerification {
    @Override
    protected SinkAdapter<?, ?> adapter() {
        return new AsyncSinkAdapter(Boolean.getBoolean("async.broken") ? SkipsTheRunningRequestAsyncSink::new : AsyncSink::new);
    }
}
