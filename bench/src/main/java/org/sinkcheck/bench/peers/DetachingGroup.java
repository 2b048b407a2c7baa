package org.sinkcheck.bench.peers;

import org.sinkcheck.kit.Events;

/**
 * A group whose library holds plain disposables and keeps them until told to drop them (RxJava,
 * Reactor, the plain sets): a completed call is detached explicitly, or the group would retain it
 * (ReactiveX/RxJava#5016).
 */
abstract class DetachingGroup implements PeerGroup {

    @Override
    public final PeerCall begin(Object context, Events events) {
        PeerCall call = new PeerCall(context, events);
        attach(call);
        return call;
    }

    @Override
    public final boolean complete(PeerCall call) {
        if (!call.complete()) return false;
        detach(call);
        return true;
    }

    abstract void attach(PeerCall call);

    /** Removes {@code call} without disposing it: it has its final already. */
    abstract void detach(PeerCall call);
}
