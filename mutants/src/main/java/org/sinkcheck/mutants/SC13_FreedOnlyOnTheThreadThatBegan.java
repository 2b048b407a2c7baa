package org.sinkcheck.mutants;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SC-13 broken only across threads, the shape of a per-thread slot stripe that only its owner frees: a
 * call that gets its final on the thread that began it leaves the registry; one ended from another
 * thread stays there, referenced, until the next cancel of its sink swaps the registry out. Every check
 * whose provider is its caller's thread passes it (the conformance kit, Lincheck's {@code SinkOperations});
 * it takes a call begun on one thread and ended on another, judged before a cancel of its sink clears it.
 */
@ConcurrencyOnly("begin(a1) on one thread, complete(a1) on another; no cancel of a1's sink before the end state is read")
@BugPattern("only the thread that began a call unlinks it at its final: a call ended on another thread stays referenced")
public class SC13_FreedOnlyOnTheThreadThatBegan extends BaseSink {
    private final Map<Call, Thread> beganOn = new ConcurrentHashMap<>();

    @Override
    protected void register(Call call) {
        beganOn.put(call, Thread.currentThread());
        super.register(call);
    }

    @Override
    protected void unlink(Call call) {
        if (beganOn.remove(call) == Thread.currentThread()) super.unlink(call);   // the bug: another thread's end frees nothing
    }

    public static final class Adapter extends MutantAdapter {}
}
