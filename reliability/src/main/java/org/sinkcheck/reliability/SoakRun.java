package org.sinkcheck.reliability;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import org.sinkcheck.kit.Adapters;
import org.sinkcheck.kit.Capability;
import org.sinkcheck.kit.Settling;
import org.sinkcheck.kit.SinkAdapter;
import org.sinkcheck.kit.trace.TraceRecorder;
import org.sinkcheck.model.Violation;
import org.sinkcheck.reliability.ListenerFaults.SoakListenerFault;
import org.sinkcheck.rules.Operator;
import org.sinkcheck.rules.Rule;

/**
 * One soak run: worker threads that act as callers, providers and cancellers over a fixed set of sinks,
 * a coordinator that starts cancel storms and prints progress, and the drain that ends the run.
 *
 * <p>Each worker is the provider of the calls it began (one provider thread per call, as in WMI). In a
 * loop it begins calls on random sinks, advances one of its calls by one signal, or cancels a random
 * sink; during a storm it cancels the stormed sink as often as it can. Providers also probe the sink
 * with foreign, forged and stale handles, which must be refused (SC-14); when a signal is refused, they
 * check that the handle says the call was cancelled (SC-12), and a signal sent after the handle said so
 * must be refused (SC-04: the cancel's linearization point is behind us).
 *
 * <p>A sink that calls back on threads of its own is settled ({@link SinkAdapter#settle}) after every
 * cancel from outside its callbacks, before that cancel's SC-01 check; what must hold before settling (a
 * signal sent after a cancel returned is refused) is judged at once.
 *
 * <p>The drain stops the workers, cancels (and settles) every sink once more, and then requires of every call begun in
 * the run that it got its final (a call even this race-free cancel does not end was lost: SC-06; SC-10
 * for endless calls), of every sink that it references no
 * call (SC-13), and of every exception a listener threw that the sink reported it (SC-15). A worker
 * that does not stop is stuck inside the sink (SC-11); the drain is then skipped, so that a deadlocked
 * sink ends the run with that violation instead of hanging it.
 *
 * <p>A recorded run ({@link SoakTrace}) goes through a {@code TracingAdapter}: every worker pauses at the
 * run's {@link QuietPoints} every {@link SoakTrace#opsPerQuiet()} loop turns, the last to arrive cancels
 * every sink and records {@code quiet}, and the drain ends with one more; the trace is written at the end.
 */
final class SoakRun<S, H> {
    private static final int CALLS_PER_WORKER = 32;
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration STORM_LENGTH = Duration.ofMillis(20);

    final SinkAdapter<S, H> adapter;
    /** The recorder of a recorded run, else null. */
    private final TraceRecorder recorder;
    /** The quiet points of a recorded run, else null. */
    private final QuietPoints quiet;
    private final LongAdder quietPoints = new LongAdder();
    final Set<Capability> capabilities;
    final ViolationLog log = new ViolationLog();
    final ListenerFaults faults = new ListenerFaults(log);
    /** The run's logical clock: orders begin returns and cancel starts. */
    final AtomicLong clock = new AtomicLong();
    final LongAdder events = new LongAdder();
    final LongAdder cancels = new LongAdder();
    final LongAdder cancelChecks = new LongAdder();
    final LongAdder cancelChecksSkipped = new LongAdder();
    private final LongAdder calls = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder probes = new LongAdder();
    private final AtomicLong ids = new AtomicLong();
    private final Soak.Options options;
    private final List<SoakSink<S, H>> sinks = new ArrayList<>();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private long peakHeap;
    private long storms;
    private volatile boolean stop;
    /**
     * Calls begun on one worker and handed to whichever worker polls next, which then acts as their
     * provider: a call begun on a request thread and signalled from an event loop's.
     */
    private final Queue<Provider> handedOver = new ConcurrentLinkedQueue<>();
    /** The sink being stormed, or -1. */
    private volatile int stormSink = -1;

    SoakRun(SinkAdapter<S, H> adapter, Soak.Options options) {
        this.recorder = options.trace() == null ? null : new TraceRecorder();
        this.adapter = recorder == null ? adapter : recorder.wrap(adapter);
        this.capabilities = Set.copyOf(adapter.capabilities());
        this.options = options;
        this.quiet = recorder == null ? null : new QuietPoints(options.threads(), this::quiesce, STOP_GRACE);
        if (!capabilities.contains(Capability.THREAD_SAFE)) {
            throw new IllegalArgumentException("the soak needs a thread-safe sink, but adapter " + adapter.name()
                    + " does not declare " + Capability.THREAD_SAFE + " (" + Capability.THREAD_SAFE.reason() + ")");
        }
        for (int i = 0; i < options.sinks(); i++) sinks.add(new SoakSink<>(i, this));
    }

    SoakTotals run() {
        long startNanos = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < options.threads(); i++) {
            Thread t = new Thread(new Worker(new Random(options.seed() * 31 + i)), "soak-worker-" + i);
            t.setDaemon(true);   // a worker stuck in a broken sink must not keep the JVM alive
            workers.add(t);
            t.start();
        }
        try {
            coordinate(startNanos);
            stop = true;
            if (stopWorkers(workers)) {
                drain();
                if (recorder != null) {
                    recorder.quiet();
                    quietPoints.increment();
                }
            }
        } finally {
            dispose();
        }
        if (recorder != null) recorder.write(options.trace().file());   // a hung run's trace too: its open operations show the hang
        return new SoakTotals(adapter.name(), Duration.ofNanos(System.nanoTime() - startNanos), options.threads(), options.sinks(),
                calls.sum(), events.sum(), cancels.sum(), storms, refused.sum(), probes.sum(), faults.thrown(),
                cancelChecks.sum(), cancelChecksSkipped.sum(), log.total(), log.byRule(), log.firstSeen(), peakHeap,
                recorder == null ? 0 : recorder.size(), quietPoints.sum());
    }

    /**
     * A quiet point of a recorded run, run by the last worker to arrive while the others wait outside the
     * sink: every sink cancelled (settled, and checked for SC-01 as every cancel is), counted where the
     * adapter can count, then {@code quiet}; the run stops once the trace is long enough. Not after the
     * run was stopped: the drain follows, and ends with its own quiet point.
     */
    private void quiesce() {
        if (stop) return;
        for (SoakSink<S, H> sink : sinks) sink.cancel();
        if (capabilities.contains(Capability.RETENTION_VISIBLE)) {
            for (SoakSink<S, H> sink : sinks) {
                try {
                    adapter.pendingCalls(sink.sink);   // recorded: TLC checks the count against the spec's registry
                } catch (RuntimeException e) {
                    log.report(new Violation(Operator.SC13_NoRetention, "pendingCalls of " + sink.name() + " threw " + Adapters.oneLine(e)));
                }
            }
        }
        recorder.quiet();
        quietPoints.increment();
        if (recorder.size() >= options.trace().events()) stop = true;
    }

    /** Until the deadline: samples the heap, starts storms, prints progress. */
    private void coordinate(long startNanos) {
        long length = options.duration().toNanos();
        long stormEvery = Math.min(Duration.ofSeconds(3).toNanos(), Math.max(length / 3, 1));
        long nextStorm = stormEvery;
        long nextProgress = options.progressEvery().toNanos();
        Random random = new Random(options.seed());
        for (long now = 0; now < length && !stop; now = System.nanoTime() - startNanos) {
            sleepNanos(Math.min(Duration.ofMillis(200).toNanos(), length - now));
            peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
            if (now >= nextStorm) {
                stormSink = random.nextInt(sinks.size());
                sleepNanos(STORM_LENGTH.toNanos());
                stormSink = -1;
                storms++;
                nextStorm += stormEvery;
            }
            if (now >= nextProgress && options.progress() != null) {
                options.progress().printf("soak %s: %d s of %d s, %,d calls, %,d events, %,d cancels, %d violations, heap %,d MiB%n",
                        adapter.name(), Duration.ofNanos(now).toSeconds(), options.duration().toSeconds(), calls.sum(), events.sum(),
                        cancels.sum(), log.total(), memory.getHeapMemoryUsage().getUsed() >> 20);
                nextProgress += options.progressEvery().toNanos();
            }
        }
    }

    /** Waits for the workers; false, with an SC-11 violation per stuck worker, if any is stuck in the sink. */
    private boolean stopWorkers(List<Thread> workers) {
        boolean stopped = true;
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        for (Thread t : workers) {
            try {
                t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (t.isAlive()) {
                stopped = false;
                log.report(new Violation(Operator.SC11_CancelNeverWaits, t.getName() + " is still inside the sink "
                        + STOP_GRACE.toSeconds() + " s after the run ended: a sink call blocks (deadlock?)"));
            }
        }
        return stopped;
    }

    private void drain() {
        for (SoakSink<S, H> sink : sinks) sink.cancel();
        for (SoakSink<S, H> sink : sinks) {
            for (SoakCall call : List.copyOf(sink.live)) {
                call.providerDone = true;   // the workers are gone: no provider will signal again
                call.tryRetire(log);
                if (call.retired()) continue;
                call.reportPendingJudgement(log);
                sink.live.remove(call);
                String what = call.name() + " never got its final, even after the last cancel of " + sink.name()
                        + ", which raced nothing: the sink lost it";
                log.report(call.plan.endless()
                        ? new Violation(Operator.SC10_EveryCallEnds, what)
                        : new Violation(Operator.SC06_NoLostCall, what));
            }
            if (capabilities.contains(Capability.RETENTION_VISIBLE) && adapter.pendingCalls(sink.sink) != 0) {
                log.report(new Violation(Operator.SC13_NoRetention, sink.name() + " still references "
                        + adapter.pendingCalls(sink.sink) + " calls after every call ended"));
            }
        }
        faults.reportSwallowed();
    }

    /**
     * Settles {@code sink} after {@code action} ({@link SinkAdapter#settle}, within {@link Settling#DEFAULT_BUDGET}):
     * a sink calling back on threads of its own runs the callbacks due so far. False, with the reason as a
     * violation of SC-01 (the check the settle was for), if it did not settle.
     */
    boolean settle(SoakSink<S, H> sink, String action) {
        try {
            adapter.settle(sink.sink, Settling.after(action, Settling.DEFAULT_BUDGET));
            return true;
        } catch (RuntimeException e) {
            log.report(new Violation(Operator.SC01_ScopeAll, "the finals of " + action + " could not be checked: " + Adapters.oneLine(e)));
            return false;
        }
    }

    /** Hands every sink to the adapter's {@code dispose}, once; one that throws is a line in the log, never a verdict. */
    private void dispose() {
        for (SoakSink<S, H> sink : sinks) {
            try {
                adapter.dispose(sink.sink);
            } catch (RuntimeException | LinkageError e) {
                if (options.progress() != null) options.progress().println("soak " + adapter.name() + ": dispose of " + sink.name() + " threw " + Adapters.oneLine(e));
            }
        }
    }

    private static void sleepNanos(long nanos) {
        try {
            Thread.sleep(Math.max(1, nanos / 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One provider's hold on its call. */
    private final class Provider {
        final SoakCall call;
        final SoakSink<S, H> home;
        final H handle;

        Provider(SoakCall call, SoakSink<S, H> home, H handle) {
            this.call = call;
            this.home = home;
            this.handle = handle;
        }
    }

    private enum Signal { OBJECT, PROGRESS, COMPLETE, FAIL }

    private final class Worker implements Runnable {
        private final Random random;
        private final List<Provider> providers = new ArrayList<>();

        Worker(Random random) { this.random = random; }

        @Override
        public void run() {
            try {
                work();
            } finally {
                if (quiet != null) quiet.leave();
            }
        }

        private void work() {
            for (long turn = 1; !stop; turn++) {
                if (quiet != null && turn % options.trace().opsPerQuiet() == 0) {
                    quiet.pause();
                    continue;
                }
                int storm = stormSink;
                if (storm >= 0 && random.nextBoolean()) {
                    sinks.get(storm).cancel();
                    continue;
                }
                int roll = random.nextInt(1000);
                if (roll < 4) {
                    sinks.get(random.nextInt(sinks.size())).cancel();
                } else if (roll < 300 && providers.size() < CALLS_PER_WORKER) {
                    begin();
                } else if (roll < 400 && providers.size() < CALLS_PER_WORKER && !handedOver.isEmpty()) {
                    Provider adopted = handedOver.poll();
                    if (adopted != null) providers.add(adopted);
                } else if (!providers.isEmpty()) {
                    int i = random.nextInt(providers.size());
                    if (step(providers.get(i))) {
                        providers.set(i, providers.get(providers.size() - 1));
                        providers.remove(providers.size() - 1);
                    }
                }
            }
        }

        private void begin() {
            SoakSink<S, H> home = sinks.get(random.nextInt(sinks.size()));
            SoakCall call = new SoakCall(ids.incrementAndGet(), home, SoakPlan.random(random, capabilities, recorder != null));
            home.live.add(call);
            H handle;
            try {
                handle = call.plan.endless() ? adapter.beginEndless(home.sink, call) : adapter.begin(home.sink, call);
            } catch (RuntimeException e) {
                home.live.remove(call);
                log.report(new Violation(Operator.SC08_FreshCallsLive, "begin on " + home.name() + " threw " + Adapters.oneLine(e)));
                return;
            }
            call.beganAt = clock.incrementAndGet();
            calls.increment();
            Provider provider = new Provider(call, home, handle);
            if (random.nextInt(3) == 0) {
                handedOver.add(provider);   // signalled from another thread than the one that began it
            } else {
                providers.add(provider);
            }
        }

        /** Advances {@code p}'s call by one provider signal; true once the provider is done with it. */
        private boolean step(Provider p) {
            SoakCall call = p.call;
            if (call.signalsSent < call.plan.signals()) {
                call.signalsSent++;
                boolean progress = capabilities.contains(Capability.PROGRESS) && random.nextBoolean();
                if (!send(p, progress ? Signal.PROGRESS : Signal.OBJECT)) return refused(p);
                call.answers.accepted(1);
                probeForeignAndForged(p);
                return false;
            }
            if (call.plan.endless()) {
                // An endless provider falls silent; it learns of the cancel from its handle, if it can.
                if (!capabilities.contains(Capability.PROVIDER_TOLD)) return done(p, false);
                return told(p) && done(p, true);
            }
            boolean fails = call.plan.fails();
            call.finalSent = true;
            boolean accepted = send(p, fails ? Signal.FAIL : Signal.COMPLETE);
            call.finalAccepted = accepted;
            if (fails) call.answers.answeredFail(accepted);
            else call.answers.answeredComplete(accepted);
            if (!accepted) return refused(p);
            return done(p, true);
        }

        /**
         * Sends a signal; true if accepted. One sent after the handle said "cancelled", or after a cancel of
         * its sink that the call predates had returned, comes after the cancel's linearization point and
         * must be refused: SC-04 for an object or progress, SC-05 for a final. Judged at once, before any
         * settle: a sink whose {@code cancel()} returns before deciding anything shows here.
         */
        private boolean send(Provider p, Signal signal) {
            boolean afterCancel = p.home.cancelReturnedSince(p.call.beganAt);
            boolean toldCancelled = capabilities.contains(Capability.PROVIDER_TOLD) && told(p);
            boolean accepted = signal(p, signal);
            if (accepted && (toldCancelled || afterCancel)) {
                boolean isFinal = signal == Signal.COMPLETE || signal == Signal.FAIL;
                log.report(new Violation(isFinal ? Operator.SC05_FinalIsForever : Operator.SC04_SilentAfterCancel,
                        p.home.name() + " accepted " + signal + " of " + p.call.name() + " after "
                                + (afterCancel ? "a cancel of " + p.home.name() + " begun after it had returned" : "its handle had said it was cancelled")));
            }
            return accepted;
        }

        /** Sends one signal of the call's provider; true if the sink accepted it. */
        private boolean signal(Provider p, Signal signal) {
            try {
                return inSink(p, () -> {
                    switch (signal) {
                        case OBJECT: return adapter.deliver(p.home.sink, p.handle, "object " + p.call.signalsSent + " of call #" + p.call.id);
                        case PROGRESS: return adapter.progress(p.home.sink, p.handle);
                        case COMPLETE: return adapter.complete(p.home.sink, p.handle);
                        default: return adapter.fail(p.home.sink, p.handle, new IllegalStateException("the soak's provider fails call #" + p.call.id));
                    }
                });
            } catch (SoakListenerFault escaped) {
                log.report(new Violation(Operator.SC15_FaultReported, "the listener's exception escaped into the provider's "
                        + signal + " signal of " + p.call.name() + " instead of being reported"));
                return true;   // the callback ran
            } catch (RuntimeException e) {
                p.call.answers.threw();   // the call's history names the rule (SC-12) when it retires
                return false;
            }
        }

        /** Whether the call's handle says it was cancelled (SC-12). */
        private boolean told(Provider p) {
            return inSink(p, () -> adapter.providerSeesCancelled(p.home.sink, p.handle));
        }

        /**
         * Runs {@code op}, a call of this provider into a sink, with {@link SoakCall#providerInSignal}
         * raised: any such call may hold the call's token inside the sink, and with it the delivery of a
         * final the sink decided meanwhile (a signal that finds its call cancelled ends it itself).
         */
        private boolean inSink(Provider p, BooleanSupplier op) {
            p.call.providerInSignal = true;
            p.call.signaller = Thread.currentThread();
            try {
                return op.getAsBoolean();
            } finally {
                p.call.signaller = null;
                p.call.providerInSignal = false;
            }
        }

        /** The sink refused a signal of a call the provider had not ended: only a cancel can have ended it. */
        private boolean refused(Provider p) {
            if (p.call.answers.signalThrew()) return done(p, false);   // not refused: the provider was told nothing
            refused.increment();
            if (capabilities.contains(Capability.PROVIDER_TOLD) && !told(p)) {
                log.report(new Violation(Operator.SC12_ProviderTold, "the sink refused a signal of " + p.call.name()
                        + " but its handle does not say it was cancelled"));
            }
            return done(p, true);
        }

        /** The provider is done with its call; if it knows the call ended, it probes the stale handle once, then lets go. */
        private boolean done(Provider p, boolean knowsItEnded) {
            if (knowsItEnded) probeStale(p);
            p.call.providerDone = true;
            p.call.tryRetire(log);
            return true;
        }

        private void probeStale(Provider p) {
            if (random.nextInt(4) != 0) return;
            probes.increment();
            if (inSink(p, () -> adapter.deliver(p.home.sink, p.handle, "stale"))) {
                log.report(new Violation(Operator.SC14_HandlesBound, p.home.name() + " accepted an object through the stale handle of "
                        + p.call.name() + ", after its final"));
            }
        }

        private void probeForeignAndForged(Provider p) {
            if (!capabilities.contains(Capability.HANDLE_CHECKS) || random.nextInt(50) != 0) return;
            probes.increment();
            SoakSink<S, H> other = sinks.get(random.nextInt(sinks.size()));
            if (other != p.home && inSink(p, () -> adapter.deliver(other.sink, p.handle, "foreign"))) {
                log.report(new Violation(Operator.SC14_HandlesBound, other.name() + " accepted an object through the handle of "
                        + p.call.name() + " (foreign handle)"));
            }
            if (adapter.deliver(p.home.sink, adapter.forgeHandle(p.home.sink), "forged")) {
                log.report(new Violation(Operator.SC14_HandlesBound, p.home.name() + " accepted an object through a forged handle"));
            }
        }
    }
}
