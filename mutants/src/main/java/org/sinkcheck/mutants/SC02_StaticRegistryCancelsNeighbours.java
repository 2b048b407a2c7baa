package org.sinkcheck.mutants;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * SC-02 broken: the registry is static, shared by every sink (as gRPC contexts share their listener
 * list with their children). Cancelling one sink cancels every other sink's calls too. It still
 * counts only its own calls, so nothing but the cancel gives it away.
 */
@BugPattern("cancel touches a neighbour sink (one registry shared by all sinks)")
public class SC02_StaticRegistryCancelsNeighbours extends BaseSink {
    private static final Set<Call> SHARED = new LinkedHashSet<>();

    @Override
    protected void register(Call call) {
        synchronized (SHARED) {
            SHARED.add(call);
        }
    }

    @Override
    protected Set<Call> detachAll() {
        synchronized (SHARED) {
            Set<Call> all = new LinkedHashSet<>(SHARED);
            SHARED.clear();
            return all;
        }
    }

    @Override
    protected void unlink(Call call) {
        synchronized (SHARED) {
            SHARED.remove(call);
        }
    }

    @Override
    public int pendingCalls() {
        synchronized (SHARED) {
            return (int) SHARED.stream().filter(call -> call.sink == this).count();
        }
    }

    public static final class Adapter extends MutantAdapter {}
}
