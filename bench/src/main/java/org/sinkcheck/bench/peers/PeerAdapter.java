package org.sinkcheck.bench.peers;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.sinkcheck.kit.Capability;
import org.sinkcheck.kit.Events;
import org.sinkcheck.kit.SinkAdapter;

/**
 * A peer library as a sink, through the kit's SPI: the same adapter for every peer, parameterised by
 * the library's group. "Same semantics as far as the library goes": a call is a member whose disposal
 * runs its final once, complete detaches it, cancel disposes every member and leaves the sink usable.
 * No progress, no fail, no handle checks, no listener-error containment: the peers have none. No batch
 * either: a peer's batch of k objects is k deliveries.
 */
public class PeerAdapter implements SinkAdapter<PeerSink, PeerCall> {
    private final String name;
    private final Supplier<PeerGroup> groups;
    private final Set<Capability> capabilities;

    private PeerAdapter(String name, Supplier<PeerGroup> groups, Set<Capability> capabilities) {
        this.name = name;
        this.groups = groups;
        this.capabilities = capabilities;
    }

    private static PeerAdapter threadSafe(String name, Supplier<PeerGroup> groups) {
        return new PeerAdapter(name, groups, EnumSet.of(Capability.THREAD_SAFE, Capability.PROVIDER_TOLD, Capability.RETENTION_VISIBLE));
    }

    public static PeerAdapter rxJava() { return threadSafe("rxjava", RxJavaGroup::new); }

    public static PeerAdapter reactor() { return threadSafe("reactor", ReactorGroup::new); }

    public static PeerAdapter coroutines() { return threadSafe("coroutines", CoroutineGroup::new); }

    public static PeerAdapter lockedSet() { return threadSafe("synchronized-set", LockedSetGroup::new); }

    public static PeerAdapter concurrentSet() { return threadSafe("concurrent-set", ConcurrentSetGroup::new); }

    /** The limits for cancel and deliver (single-threaded; no begin + complete, no event loop). */
    public static PeerAdapter limit() { return new Limit(); }

    /** The limit's adapter: it has the batch the peers lack, taking the call's token once per batch. */
    private static final class Limit extends PeerAdapter {
        Limit() {
            super("limit", LimitGroup::new, EnumSet.of(Capability.PROVIDER_TOLD, Capability.RETENTION_VISIBLE));
        }

        @Override
        public boolean deliverAll(PeerSink sink, PeerCall call, List<?> objects) { return ((LimitCall) call).deliverAll(objects); }
    }

    @Override public String name() { return name; }

    @Override public Set<Capability> capabilities() { return capabilities; }

    @Override public PeerSink newSink(Events events) { return new PeerSink(groups.get(), events); }

    @Override public PeerCall begin(PeerSink sink, Object context) { return sink.group.begin(context, sink.events); }

    @Override public boolean deliver(PeerSink sink, PeerCall call, Object object) { return call.deliver(object); }

    @Override public boolean complete(PeerSink sink, PeerCall call) { return sink.group.complete(call); }

    @Override public void cancel(PeerSink sink) { sink.group.cancelAll(); }

    @Override public int pendingCalls(PeerSink sink) { return sink.group.size(); }

    @Override public boolean providerSeesCancelled(PeerSink sink, PeerCall call) { return call.isCancelled(); }
}
