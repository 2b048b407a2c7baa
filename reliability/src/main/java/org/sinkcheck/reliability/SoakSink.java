package org.sinkcheck.reliability;

import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.sinkcheck.kit.Adapters;
import org.sinkcheck.kit.Events;
import org.sinkcheck.model.Bounds;
import org.sinkcheck.model.EventKind;
import org.sinkcheck.model.Violation;
import org.sinkcheck.reliability.ListenerPlan.Reaction;
import org.sinkcheck.rules.Operator;
import org.sinkcheck.rules.Rule;

/**
 * One sink of the soak: the sink under test, its listener, the calls begun on it that are not yet
 * retired, and the bookkeeping that checks each {@code cancel()} when it returns.
 *
 * <p>The listener checks, per event: the context is a call of the soak (SC-09) and of this very sink
 * (SC-02, {@code SC02_OwnListenerOnly}); no other callback of the call is running (SC-09,
 * {@code SC09_SerialCallbacks}); then the call's per-call model ({@link SoakCall#hear}).
 *
 * <p>A call heard cancelled although no cancel of its sink was running when it began or has started since,
 * and its listener did not throw, was born cancelled (SC-08).
 *
 * <p>When a cancel returns and the sink has settled ({@code SinkAdapter.settle}: a sink calling back on
 * threads of its own has run the callbacks due so far), every call begun before it started (its {@code begin} returned before the
 * cancel was called) must have its final, or be inside a callback, or have its provider inside a call
 * into the sink (where the one in-flight callback SC-04 allows, or the final the sink deferred to it, is
 * running; a lock-free sink may also let a signal that finds its call cancelled send that final).
 * Anything else is a call the cancel missed (SC-01). This is exact only when no other cancel of the sink
 * overlapped: another cancel may have decided a call's final and not yet sent it, so overlapping cancels
 * are counted as skipped checks instead of guessed at. A cancel from inside a callback cannot settle the
 * sink, whose thread may be running that very callback: its check waits for the sink's next settled cancel.
 */
final class SoakSink<S, H> implements Events {
    final int index;
    final S sink;
    /** Calls begun on this sink and not yet retired. */
    final Set<SoakCall> live = ConcurrentHashMap.newKeySet();
    private final SoakRun<S, H> run;
    private final AtomicInteger activeCancels = new AtomicInteger();
    private final AtomicLong cancelsStarted = new AtomicLong();
    /** The latest clock value at which a cancel of this sink started, among cancels that have returned. */
    private final AtomicLong lastReturnedCancelStart = new AtomicLong(Long.MIN_VALUE);
    /** Starts of cancels from inside callbacks whose SC-01 check waits for the sink to be settled. */
    private final Queue<Long> deferredChecks = new ConcurrentLinkedQueue<>();

    SoakSink(int index, SoakRun<S, H> run) {
        this.index = index;
        this.run = run;
        this.sink = run.adapter.newSink(this);
    }

    String name() { return Bounds.sinkName(index); }

    /**
     * Cancels this sink from outside its callbacks (a worker, the drain), settles it, then checks SC-01 for
     * the calls that predate this cancel and for those that predate earlier cancels from inside callbacks.
     */
    void cancel() {
        long start = cancelOnce();
        if (!run.settle(this, "cancel " + name())) return;
        if (start >= 0) checkScopeAll(start);
        for (Long deferred; (deferred = deferredChecks.poll()) != null; ) checkScopeAll(deferred);
    }

    /**
     * Cancels this sink from inside one of its callbacks. The sink cannot be settled here (its own thread
     * may be the one running this callback), so the SC-01 check of this cancel waits for the next settled
     * cancel of the sink or the drain: a final the cancel decided stays heard once it was sent.
     */
    void cancelFromCallback() {
        long start = cancelOnce();
        if (start >= 0) deferredChecks.add(start);
    }

    /**
     * Calls the sink's {@code cancel()} once: the clock value at which it started if no other cancel of this
     * sink overlapped it (its SC-01 check is then exact), else -1, counted as a skipped check.
     */
    private long cancelOnce() {
        long start = run.clock.incrementAndGet();
        boolean alone = activeCancels.incrementAndGet() == 1;   // before counting it started: see cancelsStartedIfNoneActive()
        long order = cancelsStarted.incrementAndGet();
        try {
            run.adapter.cancel(sink);
        } catch (ListenerFaults.SoakListenerFault escaped) {
            run.log.report(new Violation(Operator.SC15_FaultReported, "a listener's exception escaped from cancel of " + name()
                    + " instead of being reported: " + escaped.getMessage()));
        } catch (RuntimeException e) {
            run.log.report(new Violation(Operator.SC07_CancelIdempotent, "cancel of " + name() + " threw " + Adapters.oneLine(e)));
        } finally {
            alone &= activeCancels.decrementAndGet() == 0 && cancelsStarted.get() == order;
        }
        run.cancels.increment();
        lastReturnedCancelStart.accumulateAndGet(start, Math::max);
        if (alone) return start;
        run.cancelChecksSkipped.increment();
        return -1;
    }

    /**
     * Whether a cancel of this sink that started after {@code beganAt} (a call's {@link SoakCall#beganAt})
     * has returned: that call's final is decided, so a signal sent now must be refused (SC-04's window,
     * judged before the sink settles).
     */
    boolean cancelReturnedSince(long beganAt) { return lastReturnedCancelStart.get() > beganAt; }

    /**
     * Called just before {@code begin}: whether no cancel of this sink is running, and how many have
     * started. A cancel raises {@code activeCancels} before it counts itself started, so a cancel counted
     * here as started is also seen as active, and a cancel not counted here is counted later.
     */
    long cancelsStartedIfNoneActive() {
        long started = cancelsStarted.get();
        return activeCancels.get() == 0 ? started : -1;
    }

    private void checkScopeAll(long cancelStart) {
        run.cancelChecks.increment();
        for (SoakCall call : live) {
            if (call.beganAt >= cancelStart) continue;
            // Read in the reverse order of how a provider's signal sets them, so a signal that ends in
            // between is seen through its final.
            if (call.providerInSignal || call.inCallback() || call.finalHeard) continue;
            run.log.report(new Violation(Operator.SC01_ScopeAll, "cancel of " + name() + " returned, but " + call.name()
                    + ", begun before it, had no final and no callback in flight"));
        }
    }

    @Override public void object(Object context, Object object) { on(context, EventKind.OBJECT); }

    @Override public void progress(Object context) { on(context, EventKind.PROGRESS); }

    @Override public void completed(Object context) { on(context, EventKind.COMPLETED); }

    @Override public void failed(Object context, Throwable error) { on(context, EventKind.FAILED); }

    @Override public void cancelled(Object context) { on(context, EventKind.CANCELLED); }

    @Override public void listenerError(Object context, Throwable error) { run.faults.reported(context, error); }

    private void on(Object context, EventKind event) {
        run.events.increment();
        if (!(context instanceof SoakCall)) {
            run.log.report(new Violation(Operator.SC09_EventsCarryTheirCall, "the listener of " + name() + " heard "
                    + event.tla() + " with a context no call was begun with: " + context));
            return;
        }
        SoakCall call = (SoakCall) context;
        if (call.home != this) {
            run.log.report(new Violation(Operator.SC02_OwnListenerOnly, "the listener of " + name() + " heard "
                    + event.tla() + " of " + call.name()));
            return;
        }
        if (!call.enterCallback(event)) {   // an overlap: its history names the rule, SC-09 unless it is a second final
            call.afterOverlap(run.log);
            return;
        }
        try {
            if (!event.isFinal() && lastReturnedCancelStart.get() > call.beganAt) call.lateSignal(run.log);
            if (event == EventKind.CANCELLED && call.cancelsStartedAtBegin >= 0 && call.cancelsStartedAtBegin == cancelsStarted.get()
                    && !call.endedByItsListener()) {
                run.log.report(new Violation(Operator.SC08_FreshCallsLive, call.name() + " was cancelled, but no cancel of "
                        + name() + " was running when it began or started since, and its listener did not throw"));
            }
            react(call, call.hear(event, run.log));
        } finally {
            call.exitCallback();
            if (event.isFinal()) call.tryRetire(run.log);
        }
    }

    private void react(SoakCall call, Reaction reaction) {
        switch (reaction) {
            case SLOW:
                LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(20_000, 300_000));
                break;
            case CANCEL:
                cancelFromCallback();
                break;
            case THROW:
                throw run.faults.raise(call);
            default:
                break;
        }
    }
}
