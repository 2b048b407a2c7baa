package org.sinkcheck.bench.peers;

import org.sinkcheck.kit.Events;

/**
 * One library's cancel-all collection, the registry of one peer sink. Implementations differ only in
 * the library calls each operation maps to; the call's exactly-once is {@link PeerCall}'s.
 */
public interface PeerGroup {
    /** Begins a pending call whose callbacks go to {@code events} with {@code context}. */
    PeerCall begin(Object context, Events events);

    /** Ends {@code call} normally and lets the group forget it; false if it already had its final. */
    boolean complete(PeerCall call);

    /** Cancels every call registered now, runs their finals, and leaves the group usable (SC-08). */
    void cancelAll();

    /** How many calls the group still references. */
    int size();
}
