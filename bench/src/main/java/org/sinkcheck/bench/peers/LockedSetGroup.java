package org.sinkcheck.bench.peers;

import java.util.HashSet;
import java.util.Set;

/** The obvious sink: a {@code HashSet} under one monitor; the finals run after the lock is released. */
final class LockedSetGroup extends DetachingGroup {
    private final Set<PeerCall> members = new HashSet<>();

    @Override void attach(PeerCall call) {
        synchronized (members) { members.add(call); }
    }

    @Override void detach(PeerCall call) {
        synchronized (members) { members.remove(call); }
    }

    @Override public void cancelAll() {
        PeerCall[] snapshot;
        synchronized (members) {
            snapshot = members.toArray(new PeerCall[0]);
            members.clear();
        }
        for (PeerCall call : snapshot) call.dispose();
    }

    @Override public int size() {
        synchronized (members) { return members.size(); }
    }
}
