package org.sinkcheck.bench.peers;

import org.sinkcheck.kit.Events;

/** A peer sink: one library group and the listener (the kit's events) every call of it reports to. */
public final class PeerSink {
    final PeerGroup group;
    final Events events;

    PeerSink(PeerGroup group, Events events) {
        this.group = group;
        this.events = events;
    }
}
