package org.sinkcheck.bench.peers;

import java.util.concurrent.atomic.AtomicReference;
import reactor.core.Disposable;
import reactor.core.Disposables;

/**
 * Reactor: {@code Disposables.composite()}. A disposed composite stays disposed, so cancel swaps in a
 * fresh one (one CAS) before disposing the old: a begin racing it lands in either, and the old one
 * disposes a late add at once, as Reactor documents.
 */
final class ReactorGroup extends DetachingGroup {
    private final AtomicReference<Disposable.Composite> members = new AtomicReference<>(Disposables.composite());

    @Override void attach(PeerCall call) { members.get().add(call); }

    @Override void detach(PeerCall call) { members.get().remove(call); }

    @Override public void cancelAll() { members.getAndSet(Disposables.composite()).dispose(); }

    @Override public int size() { return members.get().size(); }
}
