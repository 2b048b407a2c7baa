package org.sinkcheck.mutants;

import java.util.Set;

/**
 * SC-06 broken: begin reads the registry, then adds its call to it later without re-checking that a
 * cancel has not swapped it out in between. A cancel in that window sweeps the old registry before the
 * call lands in it: the call stays pending, bound to no registry, and no cancel will ever reach it.
 */
@ConcurrencyOnly("begin(c) reads the registry; cancel() swaps and sweeps it; begin adds c to the swept set")
@BugPattern(value = "begin racing cancel loses the call (check-then-act without re-check)",
        seenIn = "grpc/grpc-java#5981")
public class SC06_BeginRacingCancelLosesCall extends BaseSink {
    @Override
    protected void register(Call call) {
        Set<Call> target;
        synchronized (lock) {
            target = registry;
        }
        Thread.yield();
        synchronized (lock) {
            target.add(call);
        }
    }

    public static final class Adapter extends MutantAdapter {}
}
