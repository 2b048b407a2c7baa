package org.sinkcheck.reference.adapter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sinkcheck.kit.Capability;
import org.sinkcheck.kit.Events;
import org.sinkcheck.kit.Settling;
import org.sinkcheck.kit.SinkAdapter;

/**
 * An adapter that counts, per sink, how often the tiers hand it to {@code dispose}: every call goes to the
 * adapter it wraps, and {@link #problems} lists each breach of {@link SinkAdapter}'s lifecycle (a sink made
 * and never disposed, disposed twice, or disposed without being made). The tests of each place that makes
 * sinks run it, so a place that forgets a sink on some path fails.
 */
public class CountedDisposals implements SinkAdapter<Object, Object> {
    private final SinkAdapter<Object, Object> inner;
    private final Map<Object, Integer> disposals;
    private final List<String> strays;

    /** Counts the disposals of the reference sink's adapter. */
    public CountedDisposals() { this(new ReferenceSinkAdapter()); }

    @SuppressWarnings("unchecked")
    public CountedDisposals(SinkAdapter<?, ?> inner) {
        this.inner = (SinkAdapter<Object, Object>) inner;
        this.disposals = Collections.synchronizedMap(new IdentityHashMap<>());
        this.strays = Collections.synchronizedList(new ArrayList<>());
    }

    /**
     * Counts into {@code ledger}'s counts: for a place that loads its adapter by class name, whose
     * subclass's no-argument constructor passes one static ledger the test then reads.
     */
    @SuppressWarnings("unchecked")
    protected CountedDisposals(SinkAdapter<?, ?> inner, CountedDisposals ledger) {
        this.inner = (SinkAdapter<Object, Object>) inner;
        this.disposals = ledger.disposals;
        this.strays = ledger.strays;
    }

    /** How many sinks were made. */
    public int made() { return disposals.size(); }

    /** Every breach of the lifecycle so far, one line each; empty if every sink made was disposed of exactly once. */
    public List<String> problems() {
        List<String> found = new ArrayList<>(strays);
        synchronized (disposals) {
            long never = disposals.values().stream().filter(n -> n == 0).count();
            long twice = disposals.values().stream().filter(n -> n > 1).count();
            if (never > 0) found.add(never + " of " + disposals.size() + " sinks made were never disposed of");
            if (twice > 0) found.add(twice + " of " + disposals.size() + " sinks made were disposed of more than once");
        }
        return found;
    }

    @Override public String name() { return inner.name(); }

    @Override public Set<Capability> capabilities() { return inner.capabilities(); }

    @Override
    public Object newSink(Events events) {
        Object sink = inner.newSink(events);
        disposals.put(sink, 0);
        return sink;
    }

    @Override
    public void dispose(Object sink) {
        if (disposals.computeIfPresent(sink, (s, n) -> n + 1) == null) strays.add("disposed of a sink it never made");
        inner.dispose(sink);
    }

    @Override public Object begin(Object sink, Object context) { return inner.begin(sink, context); }

    @Override public Object beginEndless(Object sink, Object context) { return inner.beginEndless(sink, context); }

    @Override public boolean deliver(Object sink, Object call, Object object) { return inner.deliver(sink, call, object); }

    @Override public boolean deliverAll(Object sink, Object call, List<?> objects) { return inner.deliverAll(sink, call, objects); }

    @Override public boolean progress(Object sink, Object call) { return inner.progress(sink, call); }

    @Override public boolean complete(Object sink, Object call) { return inner.complete(sink, call); }

    @Override public boolean fail(Object sink, Object call, Throwable error) { return inner.fail(sink, call, error); }

    @Override public void cancel(Object sink) { inner.cancel(sink); }

    @Override public int pendingCalls(Object sink) { return inner.pendingCalls(sink); }

    @Override public boolean providerSeesCancelled(Object sink, Object call) { return inner.providerSeesCancelled(sink, call); }

    @Override public void settle(Object sink, Settling settling) { inner.settle(sink, settling); }

    @Override public boolean observesAcceptance() { return inner.observesAcceptance(); }

    @Override public Object forgeHandle(Object sink) { return inner.forgeHandle(sink); }
}
