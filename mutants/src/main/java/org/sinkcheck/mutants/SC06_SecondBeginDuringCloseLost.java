package org.sinkcheck.mutants;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * SC-06 broken, only by two begins at once: cancel closes the registry while it decides the calls it
 * took, and a begin that arrives meanwhile waits in a hand-off slot, which the cancel moves into the fresh
 * registry when it reopens. One begin racing the cancel is kept (it linearizes after the cancel, live);
 * the slot holds one call, so a second begin during the same close overwrites the first, which is then
 * pending in no registry and no cancel ever ends it. Every two-actor race passes it; it takes two begins
 * racing one cancel ({@code SC06_BeginVsBeginVsCancel}).
 */
@ConcurrencyOnly("cancel() closes A; begin(a2) and begin(a3) both arrive before it reopens; a3 overwrites a2 in the one hand-off slot")
@BugPattern("a hand-off slot of one call for the begins that arrive while cancel closes the registry")
public class SC06_SecondBeginDuringCloseLost extends BaseSink {
    /** Whether a cancel is between taking the registry and reopening it; guarded by {@link #lock}. */
    private boolean closing;
    /**
     * The begin that arrived while closing, moved into the registry on reopening unless its provider ended
     * it meanwhile; guarded by {@link #lock}.
     */
    private Call arrivedWhileClosing;

    @Override
    protected void register(Call call) {
        synchronized (lock) {
            if (closing) arrivedWhileClosing = call;
            else registry.add(call);
        }
    }

    @Override
    public void cancel() {
        Set<Call> taken;
        synchronized (lock) {
            closing = true;
            taken = registry;
            registry = new LinkedHashSet<>();
        }
        List<Call> cancelled = new ArrayList<>();
        for (Call call : taken) if (decide(call, Final.CANCELLED, null)) cancelled.add(call);
        Thread.yield();
        synchronized (lock) {
            if (arrivedWhileClosing != null && arrivedWhileClosing.fin == null) registry.add(arrivedWhileClosing);
            arrivedWhileClosing = null;
            closing = false;
        }
        sweep(cancelled);
    }

    public static final class Adapter extends MutantAdapter {}
}
