package org.sinkcheck.reference;

import org.junit.jupiter.api.Timeout;

/**
 * The fixture of the single-threaded rules tests: for each test, a fresh reference sink and the listener
 * that records what it hears; a test that hangs fails after ten seconds instead of hanging the build.
 */
@Timeout(10)
abstract class RecordedSink {
    final RecordingListener heard = new RecordingListener();
    final ReferenceSink<Object> sink = heard.newSink();
}
