package org.sinkcheck.bench.peers;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@code ConcurrentHashMap} key set: cancel walks the set and cancels each call it manages to remove,
 * so a call completing at the same time is never both completed and cancelled.
 */
final class ConcurrentSetGroup extends DetachingGroup {
    private final Set<PeerCall> members = ConcurrentHashMap.newKeySet();

    @Override void attach(PeerCall call) { members.add(call); }

    @Override void detach(PeerCall call) { members.remove(call); }

    @Override public void cancelAll() {
        for (PeerCall call : members) {
            if (members.remove(call)) call.dispose();
        }
    }

    @Override public int size() { return members.size(); }
}
