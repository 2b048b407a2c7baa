package org.sinkcheck.bench;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.sinkcheck.bench.peers.PeerAdapter;
import org.sinkcheck.kit.AdapterLoadException;
import org.sinkcheck.kit.Adapters;
import org.sinkcheck.kit.SinkAdapter;
import org.sinkcheck.reference.adapter.ReferenceSinkAdapter;

/**
 * The implementations the benchmarks compare, by the name a JMH {@code @Param} carries: the reference
 * sink, the peers and the limit. Any other name is taken as the class name of an author's
 * {@link SinkAdapter} and loaded through {@link Adapters#load}, so an author benches their own sink in
 * the reference's place.
 */
public enum Implementation {
    REFERENCE("reference", Role.SUBJECT, ReferenceSinkAdapter::new),
    RXJAVA("rxjava", Role.PEER, PeerAdapter::rxJava),
    REACTOR("reactor", Role.PEER, PeerAdapter::reactor),
    COROUTINES("coroutines", Role.PEER, PeerAdapter::coroutines),
    SYNCHRONIZED_SET("synchronized-set", Role.PEER, PeerAdapter::lockedSet),
    CONCURRENT_SET("concurrent-set", Role.PEER, PeerAdapter::concurrentSet),
    LIMIT("limit", Role.LIMIT, PeerAdapter::limit);

    /** What an implementation is in the comparison. */
    public enum Role { SUBJECT, PEER, LIMIT }

    private final String id;
    private final Role role;
    private final Supplier<SinkAdapter<?, ?>> adapters;

    Implementation(String id, Role role, Supplier<SinkAdapter<?, ?>> adapters) {
        this.id = id;
        this.role = role;
        this.adapters = adapters;
    }

    /** The name used in {@code @Param}, the JSON and the report. */
    public String id() { return id; }

    public Role role() { return role; }

    /** Names of the peers, in report order. */
    public static List<String> peers() {
        return Arrays.stream(values()).filter(i -> i.role == Role.PEER).map(Implementation::id).toList();
    }

    /** The known implementation called {@code id}, or null. */
    public static Implementation byId(String id) {
        for (Implementation i : values()) if (i.id.equals(id)) return i;
        return null;
    }

    /**
     * A new adapter for {@code name}: a known id, or an adapter class name.
     *
     * @throws IllegalArgumentException with a one-line reason if {@code name} is neither
     */
    public static SinkAdapter<?, ?> adapter(String name) {
        Implementation known = byId(name);
        if (known != null) return known.adapters.get();
        try {
            return Adapters.load(name, Implementation.class.getClassLoader());
        } catch (AdapterLoadException e) {
            throw new IllegalArgumentException("bench: unknown implementation '" + name + "' (" + e.getMessage() + ")", e);
        }
    }
}
