package org.sinkcheck.mutants;

import java.util.Iterator;

/**
 * SC-06 broken past 16 pending calls: the registry is an array that doubles when full, and its growth
 * copies one slot too few. The call in the old array's last slot stays pending, bound to no registry;
 * no cancel reaches it. Walks that never hold more than 16 calls on one sink pass it.
 */
@BugPattern("an array registry whose doubling copies one slot too few: a call is lost at 16, 32, 64, ... pending")
public class SC06_RegistryGrowthDropsACall extends BaseSink {

    @Override
    protected void register(Call call) {
        synchronized (lock) {
            int size = registry.size();
            if (size >= 16 && Integer.bitCount(size) == 1) {
                // the bug: growing from size to 2 * size copies size - 1 calls; the newest is dropped
                Iterator<Call> it = registry.iterator();
                Call last = null;
                while (it.hasNext()) last = it.next();
                registry.remove(last);
            }
            registry.add(call);
        }
    }

    public static final class Adapter extends MutantAdapter {}
}
