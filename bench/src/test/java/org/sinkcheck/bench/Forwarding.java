package org.sinkcheck.bench;

import java.util.Set;
import org.sinkcheck.kit.Capability;
import org.sinkcheck.kit.Events;
import org.sinkcheck.kit.SinkAdapter;

/** Forwards everything to a real adapter; the broken sinks of the tests override one step. */
abstract class Forwarding<S, H> implements SinkAdapter<S, H> {
    final SinkAdapter<S, H> real;

    Forwarding(SinkAdapter<S, H> real) { this.real = real; }

    @Override public Set<Capability> capabilities() { return real.capabilities(); }

    @Override public S newSink(Events events) { return real.newSink(events); }

    @Override public H begin(S sink, Object context) { return real.begin(sink, context); }

    @Override public boolean deliver(S sink, H call, Object object) { return real.deliver(sink, call, object); }

    @Override public boolean complete(S sink, H call) { return real.complete(sink, call); }

    @Override public void cancel(S sink) { real.cancel(sink); }

    @Override public int pendingCalls(S sink) { return real.pendingCalls(sink); }

    @Override public boolean providerSeesCancelled(S sink, H call) { return real.providerSeesCancelled(sink, call); }
}
