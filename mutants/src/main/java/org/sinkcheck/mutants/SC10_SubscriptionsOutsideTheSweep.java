package org.sinkcheck.mutants;

import java.util.LinkedHashSet;
import java.util.Set;
import org.sinkcheck.sink.CallHandle;

/**
 * SC-10 broken: subscriptions enter through a method of their own, {@link #subscribe}, into a watch list
 * that {@code cancel} forgets to sweep; calls begun through {@code begin} are fine. A cancelled
 * subscription never ends. The kit reaches {@code subscribe} only because the adapter maps
 * {@code SinkAdapter.beginEndless} to it.
 */
@BugPattern("subscriptions kept in a watch list of their own, which cancel does not sweep")
public class SC10_SubscriptionsOutsideTheSweep extends BaseSink {
    /** The subscriptions, apart from the registry; guarded by {@link #lock}. */
    private final Set<Call> watches = new LinkedHashSet<>();

    /** Begins a subscription: a call no provider ends, which only cancel should end. */
    public CallHandle subscribe(Object context) {
        Call call = new Call(this, context);
        synchronized (lock) {
            watches.add(call);
        }
        return call;
    }

    @Override
    protected void unlink(Call call) {
        super.unlink(call);
        watches.remove(call);
    }

    @Override
    public int pendingCalls() {
        synchronized (lock) {
            return super.pendingCalls() + watches.size();
        }
    }

    public static final class Adapter extends MutantAdapter {
        @Override
        public CallHandle beginEndless(BaseSink sink, Object context) {
            return ((SC10_SubscriptionsOutsideTheSweep) sink).subscribe(context);
        }
    }
}
