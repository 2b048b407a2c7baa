package org.sinkcheck.bench.peers;

import java.util.Arrays;
import org.sinkcheck.kit.Events;

/**
 * The limit: the least work an eager cancel must do. Its cancel is a bare loop over an array of the
 * pending calls doing one CAS and one callback each, then forgets the array in one store. Its calls
 * are {@link LimitCall}s, so a delivery on one is the deliver limit (two CAS around the callback). Not
 * thread safe and never unlinks a completed call: it is a baseline for cancel and deliver only, not a sink.
 */
final class LimitGroup implements PeerGroup {
    private PeerCall[] calls = new PeerCall[16];
    private int count;

    @Override
    public PeerCall begin(Object context, Events events) {
        PeerCall call = new LimitCall(context, events);
        if (count == calls.length) calls = Arrays.copyOf(calls, count * 2);
        calls[count++] = call;
        return call;
    }

    @Override
    public boolean complete(PeerCall call) { return call.complete(); }

    @Override
    public void cancelAll() {
        PeerCall[] swept = calls;
        int n = count;
        calls = new PeerCall[16];
        count = 0;
        for (int i = 0; i < n; i++) swept[i].dispose();
    }

    @Override
    public int size() { return count; }
}
