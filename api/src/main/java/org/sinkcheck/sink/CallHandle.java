package org.sinkcheck.sink;

/**
 * The token {@link Sink#begin(Object)} issues for one call. The provider presents it to the sink with
 * every signal; the sink accepts it only if it issued it itself and the call has no final yet (SC-14).
 * Anything else arriving at a sink is untrusted (the security note of {@code SWbemSink.Cancel}).
 *
 * <p>This is an interface so that untrusted code <em>can</em> present a forged one; sinks must not
 * trust an instance they did not create.
 */
public interface CallHandle {
    /**
     * Whether the call was cancelled (SC-12). A provider polls this, or watches for
     * {@link Acceptance#CALL_FINISHED}, to learn that it may stop its work.
     */
    boolean isCancelled();

    /** Whether the call has its final (completed, failed or cancelled). */
    boolean isFinished();
}
