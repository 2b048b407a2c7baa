package org.sinkcheck.stress;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.BooleanSupplier;
import org.sinkcheck.reference.adapter.SinkUnderTest;
import org.sinkcheck.kit.Adapters;
import org.sinkcheck.kit.Capability;
import org.sinkcheck.kit.Events;
import org.sinkcheck.kit.SinkAdapter;
import org.sinkcheck.model.EventKind;
import org.sinkcheck.model.Violation;
import org.sinkcheck.rules.Operator;

/**
 * The shared stage of every race: one or two sinks of the sink under test (named {@code A}, {@code B}),
 * the calls taking part, and the listeners that record what each call heard. The jcstress tests in
 * {@code org.sinkcheck.stress.races} only say <em>which</em> operations race; this class performs them
 * through the adapter and remembers the sink's answers, and {@link EndState} grades the result.
 *
 * <p>Every call's context is its {@link RaceCall}, so a callback that carries a wrong context, or reaches
 * the listener of a sink that does not own the call, is caught as a stray (SC-09, SC-02).
 *
 * <p>A call is begun on one thread and may be signalled from another: an actor, the stage's event loop
 * ({@link #onEventLoop}), or two providers at once; every signal notes whether a cancel of its sink had
 * returned before it was sent, which the settled end state cannot show. The same stage serves the Lincheck scenarios
 * ({@code org.sinkcheck.stress.lincheck}), whose validation grades with the same arbiter ({@link #brokenRule()}).
 */
public final class Race {
    /** What every accepted {@code deliver} hands to the listener. */
    private static final Object PAYLOAD = "object";
    /** What a batch hands to the listener: two objects, so that a cancel can fall between them. */
    private static final List<Object> BATCH = List.of(PAYLOAD, PAYLOAD);

    final SinkAdapter<Object, Object> adapter;
    /**
     * An {@link EnumSet}, looked up by ordinal, never by hash: Lincheck replaces identity hash codes in the
     * code it instruments (this class) but not in the code it ignores ({@link EndState}), so a hashed set
     * built here and asked there misses, and every check needing a capability was silently skipped in the
     * Lincheck scenarios' grading (SC-13's count, SC-12's handle) until the cross-thread fixture showed it.
     */
    private final Set<Capability> capabilities;
    /** {@code SinkAdapter.observesAcceptance}: the signals' answers mean nothing, the callbacks say what was accepted. */
    final boolean observesAcceptance;
    private boolean disposed;
    final List<Object> sinks = new ArrayList<>();
    /** Copy-on-write: Lincheck declares calls while other threads' listeners look them up. */
    final List<RaceCall> calls = new CopyOnWriteArrayList<>();
    /** Per sink, how many {@code cancel()}s started and returned; a dawdling listener watches them (SC-11). */
    final AtomicIntegerArray cancelsStarted;
    final AtomicIntegerArray cancelsReturned;
    /** Sinks cancelled from inside a listener callback, whose calls SC-16 (not only SC-01) says must end. */
    final boolean[] cancelledInsideCallback;
    /** Callbacks that reached a listener they do not belong to, each with the rule it breaks. */
    final ConcurrentLinkedQueue<Violation> strays = new ConcurrentLinkedQueue<>();

    /** The recording of this sample when it is one of the first its race records ({@link RaceTraces}), else null. */
    private final RaceTraces.Sample sample;

    /**
     * A race over {@code sinkCount} fresh sinks (1 or 2) of the sink under test ({@link SinkUnderTest}),
     * constructed by a jcstress state: its class names the race whose samples {@link RaceTraces} records.
     */
    public Race(int sinkCount) {
        this(sinkCount, RaceTraces.LIMIT > 0
                ? RaceTraces.next(StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass().getSimpleName()) : null);
    }

    /**
     * A race over {@code sinkCount} fresh sinks of the sink under test, staged by a Lincheck scenario
     * instance: {@link RaceTraces} records the first invocations of {@code scenarios} as the trace
     * {@code Lincheck_<scenarios>}.
     */
    public Race(Class<?> scenarios, int sinkCount) {
        this(sinkCount, RaceTraces.nextInvocation(LINCHECK_TRACE + scenarios.getSimpleName()));
    }

    /** How the trace of a Lincheck scenario class's invocations starts its name. */
    public static final String LINCHECK_TRACE = "Lincheck_";

    private Race(int sinkCount, RaceTraces.Sample sample) {
        this(sample == null ? SinkUnderTest.adapter() : sample.wrap(SinkUnderTest.adapter()), sinkCount, sample);
        ForkWatchdog.startOnce();   // in a jcstress fork: ends it once its work is done, whatever threads the sink left
    }

    /** A race over {@code sinkCount} fresh sinks of {@code adapter}'s sink. */
    public Race(SinkAdapter<Object, Object> adapter, int sinkCount) {
        this(adapter, sinkCount, null);
    }

    private Race(SinkAdapter<Object, Object> adapter, int sinkCount, RaceTraces.Sample sample) {
        this.adapter = adapter;
        this.sample = sample;
        this.capabilities = EnumSet.noneOf(Capability.class);
        this.capabilities.addAll(adapter.capabilities());
        this.observesAcceptance = adapter.observesAcceptance();
        for (int s = 0; s < sinkCount; s++) sinks.add(adapter.newSink(new Listener(s)));
        cancelsStarted = new AtomicIntegerArray(sinkCount);
        cancelsReturned = new AtomicIntegerArray(sinkCount);
        cancelledInsideCallback = new boolean[sinkCount];
    }

    /** The name of sink {@code index} in outcomes: {@code A}, {@code B}. */
    static String sinkName(int index) { return String.valueOf((char) ('A' + index)); }

    /** A call begun on sink {@code sink} now, before any actor runs: pending when the race starts. */
    public RaceCall pendingCall(String name, int sink) {
        RaceCall call = declare(name, sink, true);
        call.handle = adapter.begin(sinks.get(sink), call);
        return call;
    }

    /** A call that an actor will begin with {@link #begin}. */
    public RaceCall laterCall(String name, int sink) {
        return declare(name, sink, false);
    }

    private RaceCall declare(String name, int sink, boolean beganBeforeRace) {
        RaceCall call = new RaceCall(name, sink, beganBeforeRace);
        calls.add(call);
        return call;
    }

    /** Makes {@code call}'s object callback cancel the call's own sink from inside the listener (SC-16). */
    public void cancelFromInsideObjectCallbackOf(RaceCall call) {
        call.onObject = () -> {
            cancelledInsideCallback[call.sink] = true;
            cancel(call.sink);
        };
    }

    /**
     * Makes {@code call}'s object callback dawdle until a cancel of its sink, started on another thread
     * meanwhile, has returned. A cancel that waits for the running listener cannot return, and after
     * {@link #CANCEL_MAY_TAKE} the callback gives up and records SC-11. A cancel that has not started
     * within {@link #CANCEL_STARTS_WITHIN} is late; that sample then teaches nothing.
     */
    public void dawdleInObjectCallbackOfUntilCancelReturns(RaceCall call) {
        call.onObject = () -> {
            if (!awaitCount(cancelsStarted, call.sink, CANCEL_STARTS_WITHIN)) return;
            if (!awaitCount(cancelsReturned, call.sink, CANCEL_MAY_TAKE)) {
                strays.add(new Violation(Operator.SC11_CancelNeverWaits, sinkName(call.sink) + ":cancel-waited-for-a-running-listener"));
            }
        };
    }

    /** How long a dawdling listener waits for the racing cancel to start. */
    static final long CANCEL_STARTS_WITHIN = TimeUnit.MILLISECONDS.toNanos(10);
    /** How long a cancel may take while a listener of its sink runs: generous, since SC-11 allows no waiting at all. */
    static final long CANCEL_MAY_TAKE = TimeUnit.SECONDS.toNanos(1);

    private static boolean awaitCount(AtomicIntegerArray counts, int index, long nanos) {
        long deadline = System.nanoTime() + nanos;
        while (counts.get(index) == 0) {
            if (System.nanoTime() - deadline > 0) return false;
            Thread.onSpinWait();
        }
        return true;
    }

    /**
     * Runs {@code action} inside {@code call}'s final callback, on the listener's thread: a listener that
     * cancels, or a provider that signals, from inside {@code onCompleted}, {@code onFailed} or {@code onCancelled}.
     */
    public void inFinalCallbackOf(RaceCall call, Runnable action) {
        call.onFinal = action;
    }

    /** Makes {@code call}'s object callback linger a little, so that an overlapping callback of it is seen (SC-09). */
    public void lingerInObjectCallbackOf(RaceCall call) {
        call.onObject = () -> {
            for (int spin = 0; spin < LINGER_SPINS; spin++) Thread.onSpinWait();
        };
    }

    private static final int LINGER_SPINS = 200;

    public void begin(RaceCall call) {
        call.handle = adapter.begin(sinks.get(call.sink), call);
        if (cancelsStarted.get(call.sink) == 0) call.begunBeforeAnyCancel = true;
    }

    /**
     * Waits until another thread's {@link #begin} of {@code call} has returned, then completes it here:
     * a call begun on one thread and ended on another, the shape of a request thread and an event loop.
     */
    public boolean completeOnceBegun(RaceCall call) {
        long deadline = System.nanoTime() + HANDED_OVER_WITHIN;
        while (call.handle == null) {
            if (System.nanoTime() - deadline > 0) throw new IllegalStateException(call.name + ": its begin did not return within a second");
            Thread.onSpinWait();
        }
        return complete(call);
    }

    /** How long a thread waits for a call another thread begins: begin never waits (SC-11's sibling), so a second is generous. */
    private static final long HANDED_OVER_WITHIN = TimeUnit.SECONDS.toNanos(1);

    /**
     * Runs {@code signals} on the event loop, a thread of the stage's own that no actor is, as a provider
     * completing on an event loop what a request thread began; the arbiter waits for it before grading.
     */
    public void onEventLoop(Runnable signals) {
        handedToTheEventLoop.add(EVENT_LOOP.submit(signals));
    }

    /** One event-loop thread for every stage in the JVM, as one loop serves many requests. */
    private static final ExecutorService EVENT_LOOP = Executors.newSingleThreadExecutor(task -> {
        Thread loop = new Thread(task, "sinkcheck-race-event-loop");
        loop.setDaemon(true);
        return loop;
    });

    private final ConcurrentLinkedQueue<Future<?>> handedToTheEventLoop = new ConcurrentLinkedQueue<>();

    /** Waits for what the stage handed to the event loop; a signal that never returns there is an error of the race. */
    void awaitTheEventLoop() {
        for (Future<?> task : handedToTheEventLoop) {
            try {
                task.get(HANDED_OVER_WITHIN, TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                throw new IllegalStateException("a signal on the event loop threw: " + e.getCause(), e.getCause());
            } catch (TimeoutException | InterruptedException e) {
                throw new IllegalStateException("a signal on the event loop did not return within a second", e);
            }
        }
    }

    /** Delivers an object to {@code call}; whether the sink accepted it. */
    public boolean deliver(RaceCall call) {
        boolean accepted = signal(call, "object", Operator.SC04_SilentAfterCancel,
                () -> adapter.deliver(sinks.get(call.sink), call.handle, PAYLOAD));
        if (accepted && !observesAcceptance) call.answers.accepted(1);
        return accepted;
    }

    /**
     * Delivers two objects to {@code call} as one batch ({@code SinkAdapter.deliverAll}); whether the
     * sink accepted all of them. A refused batch may have delivered the objects before the point where
     * it was cut short, so it allows up to one object less than it carried.
     */
    public boolean deliverAll(RaceCall call) {
        boolean accepted = signal(call, "batch", Operator.SC04_SilentAfterCancel,
                () -> adapter.deliverAll(sinks.get(call.sink), call.handle, BATCH));
        if (observesAcceptance) return accepted;
        if (accepted) call.answers.accepted(BATCH.size());
        else call.objectsOfRefusedBatches.addAndGet(BATCH.size() - 1);
        return accepted;
    }

    public boolean progress(RaceCall call) {
        boolean accepted = signal(call, "progress", Operator.SC04_SilentAfterCancel,
                () -> adapter.progress(sinks.get(call.sink), call.handle));
        if (accepted && !observesAcceptance) call.answers.accepted(1);
        return accepted;
    }

    /** Completes {@code call}; whether the sink accepted it (the complete won). */
    public boolean complete(RaceCall call) {
        boolean accepted = signal(call, "complete", Operator.SC05_FinalIsForever,
                () -> adapter.complete(sinks.get(call.sink), call.handle));
        call.completeSent = true;
        if (!observesAcceptance) call.answers.answeredComplete(accepted);
        return accepted;
    }

    public boolean fail(RaceCall call) {
        boolean accepted = signal(call, "fail", Operator.SC05_FinalIsForever,
                () -> adapter.fail(sinks.get(call.sink), call.handle, new IllegalStateException("provider failed")));
        call.failSent = true;
        if (!observesAcceptance) call.answers.answeredFail(accepted);
        return accepted;
    }

    /**
     * Sends one provider signal of {@code call} and notes when it was sent: a signal sent after a cancel
     * of the call's sink returned, to a call begun before any cancel started, must be refused (the cancel
     * linearized first). A sink that returns from {@code cancel()} before its sweep decided anything
     * accepts it, and once settled its history looks like the allowed in-flight delivery; only this note,
     * taken before anything settles, tells them apart. A signal that throws instead of answering is
     * noted (SC-12) and counts as refused.
     */
    private boolean signal(RaceCall call, String what, Operator refusedBy, BooleanSupplier send) {
        boolean afterACancelReturned = cancelReturned(call.sink);
        boolean accepted;
        try {
            accepted = send.getAsBoolean();
        } catch (RuntimeException threw) {
            call.answers.threw();   // SC-12: the provider cannot tell whether its call was cancelled
            return false;
        }
        // an adapter that observes acceptance has no answer to give here: the settled callbacks are judged instead
        if (accepted && afterACancelReturned && call.begunBeforeAnyCancel && !observesAcceptance) {
            call.acceptedAfterCancelReturned.add(new Violation(refusedBy,
                    call.name + ":" + what + "-accepted-after-the-cancel-of-" + sinkName(call.sink) + "-returned"));
        }
        return accepted;
    }

    public void cancel(int sink) {
        cancelsStarted.incrementAndGet(sink);
        adapter.cancel(sinks.get(sink));
        cancelsReturned.incrementAndGet(sink);
    }

    /** Whether the sink declares {@code capability}; the checks needing a missing one are skipped. */
    boolean has(Capability capability) { return capabilities.contains(capability); }

    /** Whether some {@code cancel()} of {@code sink} has returned. */
    boolean cancelReturned(int sink) { return cancelsReturned.get(sink) > 0; }

    /** Grades the race once every actor has returned: the verdict string jcstress counts (see {@link EndState}). */
    public String endState() {
        try {
            String verdict = new EndState(this).verdict();
            if (sample != null) sample.graded();   // after the sweep: nothing of the sample is pending
            return verdict;
        } finally {
            dispose();
        }
    }

    /**
     * A broken rule as a jcstress outcome, {@code SC-04:a1:object-after-cancelled}: the rule id first, so
     * that every test's {@code @Outcome(id = "SC-04:.*", expect = FORBIDDEN)} catches it, and no spaces,
     * so that it stays one column in jcstress's tables.
     */
    public static String outcome(Violation violation) {
        return violation.rule().id() + ":" + violation.detail();
    }

    /** Grades the race once every thread has returned: the first broken rule, if any (Lincheck's validation). */
    public Optional<Violation> brokenRule() {
        try {
            Optional<Violation> violation = new EndState(this).violation();
            if (sample != null) sample.graded();   // after the sweep, as in endState
            return violation;
        } finally {
            dispose();
        }
    }

    /** Grades the race and fails with the first broken rule, as {@code SC-nn:where:what}: the Lincheck scenarios' validation. */
    public void requireNoBrokenRule() {
        brokenRule().ifPresent(violation -> {
            throw new IllegalStateException(outcome(violation));
        });
    }

    /**
     * Hands the race's sinks to {@code SinkAdapter.dispose}, once: after grading, or, for a Lincheck
     * scenario that ended before its validation, when the check ends. A dispose that throws changes no
     * verdict; it is said once per JVM on stderr, in one line naming the adapter.
     */
    public void dispose() {
        if (disposed) return;
        disposed = true;
        for (Object sink : sinks) {
            try {
                adapter.dispose(sink);
            } catch (RuntimeException | LinkageError e) {
                if (DISPOSE_ERROR_SAID.compareAndSet(false, true)) {
                    System.err.println("sinkcheck stress: " + adapter.name() + ".dispose threw " + Adapters.oneLine(e) + " (no verdict depends on it)");
                }
            }
        }
        sinks.clear();
    }

    private static final java.util.concurrent.atomic.AtomicBoolean DISPOSE_ERROR_SAID = new java.util.concurrent.atomic.AtomicBoolean();

    List<RaceCall> callsOf(int sink) {
        List<RaceCall> own = new ArrayList<>();
        for (RaceCall call : calls) if (call.sink == sink) own.add(call);
        return Collections.unmodifiableList(own);
    }

    /** The listener of sink {@code sink}: files each callback under the call its context names. */
    private final class Listener implements Events {
        private final int sink;

        Listener(int sink) { this.sink = sink; }

        /**
         * Files {@code event} under its call, counting the call's running callbacks around it: which rule an
         * overlap breaks is the call history's to say ({@code CallHistory.violation()}, SC-09 unless it is a
         * second final), so the arbiter only notes where it was. Runs the call's object or final hook inside
         * the callback.
         */
        private void hear(Object context, EventKind event) {
            if (!(context instanceof RaceCall) || !calls.contains(context)) {
                strays.add(new Violation(Operator.SC09_EventsCarryTheirCall, sinkName(sink) + ":" + event.tla() + "-with-unknown-context"));
                return;
            }
            RaceCall call = (RaceCall) context;
            if (call.sink != sink) {
                strays.add(new Violation(Operator.SC02_OwnListenerOnly, sinkName(sink) + ":heard-" + event.tla() + "-of-" + call.name));
                return;
            }
            call.started(event);
            try {
                Runnable hook = event == EventKind.OBJECT ? call.onObject : event.isFinal() ? call.onFinal : null;
                if (hook != null) hook.run();
            } finally {
                call.inCallback.decrementAndGet();
            }
        }

        @Override public void object(Object context, Object object) { hear(context, EventKind.OBJECT); }

        @Override public void progress(Object context) { hear(context, EventKind.PROGRESS); }

        @Override public void completed(Object context) { hear(context, EventKind.COMPLETED); }

        @Override public void failed(Object context, Throwable error) { hear(context, EventKind.FAILED); }

        @Override public void cancelled(Object context) { hear(context, EventKind.CANCELLED); }

        /** No race makes a listener throw, so any report is one the sink invented or misrouted. */
        @Override
        public void listenerError(Object context, Throwable error) {
            strays.add(new Violation(Operator.SC15_FaultReported, sinkName(sink) + ":reported-a-listener-error-nobody-threw"));
        }
    }
}
