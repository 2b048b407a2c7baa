package org.sinkcheck.sink;

/** What a sink did with a provider's signal. Only {@link #ACCEPTED} reached (or will reach) a listener. */
public enum Acceptance {
    /** The signal was taken: its callback ran, or (for a final) will run once the call's current callback returns. */
    ACCEPTED,
    /** The call already has its final (stale handle, or lost the race with cancel/complete/fail): refused (SC-04, SC-05). */
    CALL_FINISHED,
    /** Another callback of this call is running right now; callbacks of a call never overlap (SC-09). */
    CALL_BUSY,
    /** The handle was not issued by this sink: foreign or forged. Refused, and nothing reached a listener (SC-14). */
    NOT_THIS_SINK
}
