package org.sinkcheck.sink;

/** What a sink did with a provider's signal. A refused signal reached no listener (a batch cut short: see {@link #CALL_FINISHED}). */
public enum Acceptance {
    /** The signal was taken: its callback ran, or (for a final) will run once the call's current callback returns. */
    ACCEPTED,
    /**
     * The call already has its final (stale handle, or lost the race with cancel/complete/fail): refused
     * (SC-04, SC-05). For a batch ({@link Sink#deliverAll}): the call got its final before the batch's
     * last object, and no object after that point reached the listener.
     */
    CALL_FINISHED,
    /**
     * Another signal of this call is being handled right now (its callback is running, or its final is
     * being decided), e.g. a {@code complete} from inside the call's own {@code onObject}: callbacks of a
     * call never overlap (SC-09). Nothing happened; the provider may retry once that signal returned.
     */
    CALL_BUSY,
    /** The handle was not issued by this sink: foreign or forged. Refused, and nothing reached a listener (SC-14). */
    NOT_THIS_SINK
}
