package org.sinkcheck.bench.peers;

import io.reactivex.rxjava3.disposables.CompositeDisposable;

/** RxJava 3: a {@link CompositeDisposable}; {@code clear()} disposes every member and keeps it usable. */
final class RxJavaGroup extends DetachingGroup {
    private final CompositeDisposable members = new CompositeDisposable();

    @Override void attach(PeerCall call) { members.add(call); }

    @Override void detach(PeerCall call) { members.delete(call); }

    @Override public void cancelAll() { members.clear(); }

    @Override public int size() { return members.size(); }
}
