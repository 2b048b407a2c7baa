package org.sinkcheck.reliability;

import java.io.PrintStream;
import java.time.Duration;
import org.sinkcheck.kit.AdapterLoadException;
import org.sinkcheck.kit.Adapters;
import org.sinkcheck.kit.SinkAdapter;
import org.sinkcheck.reference.adapter.ReferenceSinkAdapter;

/**
 * The soak: many threads over many sinks for minutes, every event checked online against the
 * executable model. The entry point of {@code ./sinkcheck soak}; a plain Java API that returns its
 * {@link SoakTotals} and never exits the JVM.
 *
 * <p><b>Load.</b> Worker threads begin calls on random sinks and act as their providers: calls that
 * complete, fail, or never finish (endless subscriptions, ended only by cancel). A third of the calls
 * are handed over to whichever worker takes them next, which signals them from then on: begun on one
 * thread, signalled from another, as a request thread and an event loop share a call. Listeners are plain,
 * slow, throw from an object, progress or final callback, or cancel their own sink from inside one.
 * Workers cancel random sinks, and every few seconds all of them storm one sink with cancels.
 *
 * <p><b>What is checked, and how.</b> Concurrent calls have no single sequential order, so the check is
 * per call: each call's events, in the order its listener heard them, must be a run of the executable
 * model restricted to that call ({@link SoakCall}: the model's enabling conditions and
 * {@code RuleChecks} on every step). Around that:
 * <ul>
 * <li>SC-02 {@code SC02_OwnListenerOnly}: an event reaches only the listener of the call's own sink.
 * <li>SC-03 {@code SC03_OneFinalLast}: object/progress, then exactly one final, then nothing (per-call model).
 * <li>SC-04 {@code SC04_SilentAfterCancel}, {@code SC04_InFlight}: no object/progress after the final; after a
 *     cancel that the call predates has returned, at most one (the one in flight); a signal sent after the
 *     handle said "cancelled" is refused.
 * <li>SC-01 {@code SC01_ScopeAll}: when a cancel returns, every call begun before it started has its final,
 *     or is inside a callback, or its provider is inside a signal; exact when no other cancel of the sink
 *     overlapped (overlapping ones are counted as skipped checks).
 * <li>SC-05 {@code SC05_FinalIsForever}: the final heard matches the provider's view (its complete or fail
 *     was accepted, or refused because the call had been cancelled); a complete or fail sent after the
 *     handle said "cancelled" is refused.
 * <li>SC-06 {@code SC06_NoLostCall}: after the run, one more cancel of every sink, racing nothing, ends
 *     every call still without a final; one it does not end was lost.
 * <li>SC-08 {@code SC08_FreshCallsLive}: a call is cancelled only if a cancel of its sink was running when
 *     it began or started since, or its own listener threw.
 * <li>SC-09 {@code SC09_SerialCallbacks}, {@code SC09_EventsCarryTheirCall}: no two callbacks of a call
 *     overlap; every context is one the caller gave; each call hears exactly the signals the sink accepted.
 * <li>SC-10 {@code SC10_EndlessEndOnlyByCancel}, {@code SC10_EveryCallEnds}: endless calls end only by
 *     cancel, and do end.
 * <li>SC-12 {@code SC12_ProviderTold}: a refused signal means the handle says "cancelled".
 * <li>SC-13 {@code SC13_NoRetention}: after the drain, every sink references no call.
 * <li>SC-14 {@code SC14_HandlesBound}: foreign, forged and stale handles are refused; no call hears more
 *     signals than its provider sent.
 * <li>SC-15 {@code SC15_FaultReported}: a call whose listener threw ends cancelled; every thrown exception
 *     is reported exactly once with its call's context, and none escapes into the provider.
 * <li>SC-16 {@code SC16_CancelInCallbackTakesEffect}: a call whose listener cancelled its sink from inside
 *     a callback ends cancelled.
 * <li>SC-11 {@code SC11_CancelNeverWaits}: a worker still inside the sink 30 s after the run is a hang.
 * </ul>
 * Rules that need a capability the adapter does not declare are not exercised (e.g. no throwing
 * listeners without {@code LISTENER_ERRORS}).
 *
 * <p><b>Recorded.</b> With {@link Options#trace} the run is also recorded for trace validation, so that
 * TLC judges it against CancelAll.tla besides the checks above: {@link SoakTrace} says what that adds
 * (quiet points) and changes.
 */
public final class Soak {
    private Soak() {}

    /**
     * How to soak.
     *
     * @param duration      how long the load runs (the drain comes after)
     * @param threads       worker threads
     * @param sinks         sinks shared by all workers
     * @param seed          seed of every random choice (the interleaving itself is not reproducible)
     * @param adapter       the sink under test
     * @param progress      where a progress line goes every {@code progressEvery}; {@code null} for none
     * @param progressEvery how often to print progress
     * @param trace         how to record the run for trace validation ({@link SoakTrace}); {@code null}: not recorded
     */
    public record Options(Duration duration, int threads, int sinks, long seed, SinkAdapter<?, ?> adapter,
                          PrintStream progress, Duration progressEvery, SoakTrace trace) {
        public Options {
            if (duration == null || duration.isNegative() || duration.isZero()) throw new IllegalArgumentException("soak duration must be positive: " + duration);
            if (threads < 1) throw new IllegalArgumentException("soak needs at least one thread: " + threads);
            if (sinks < 1) throw new IllegalArgumentException("soak needs at least one sink: " + sinks);
            if (adapter == null) throw new IllegalArgumentException("soak needs an adapter");
            if (progressEvery == null || progressEvery.isNegative() || progressEvery.isZero()) throw new IllegalArgumentException("progress period must be positive: " + progressEvery);
        }

        /** One minute, 4 threads, 8 sinks, the reference sink, progress to standard output every 10 s. */
        public static Options defaults() {
            return new Options(Duration.ofMinutes(1), 4, 8, 1, new ReferenceSinkAdapter(), System.out, Duration.ofSeconds(10), null);
        }

        public Options minutes(long minutes) { return duration(Duration.ofMinutes(minutes)); }

        public Options seconds(long seconds) { return duration(Duration.ofSeconds(seconds)); }

        public Options duration(Duration d) { return new Options(d, threads, sinks, seed, adapter, progress, progressEvery, trace); }

        public Options threads(int n) { return new Options(duration, n, sinks, seed, adapter, progress, progressEvery, trace); }

        public Options sinks(int n) { return new Options(duration, threads, n, seed, adapter, progress, progressEvery, trace); }

        public Options seed(long s) { return new Options(duration, threads, sinks, s, adapter, progress, progressEvery, trace); }

        public Options adapter(SinkAdapter<?, ?> a) { return new Options(duration, threads, sinks, seed, a, progress, progressEvery, trace); }

        /** The adapter class {@code className}, loaded with this class's loader. */
        public Options adapter(String className) throws AdapterLoadException {
            return adapter(Adapters.load(className, Soak.class.getClassLoader()));
        }

        public Options progress(PrintStream out) { return new Options(duration, threads, sinks, seed, adapter, out, progressEvery, trace); }

        /** Records the run into {@code t.file()} ({@link SoakTrace}); {@code null}: not recorded. */
        public Options trace(SoakTrace t) { return new Options(duration, threads, sinks, seed, adapter, progress, progressEvery, t); }

        public Options progressEvery(Duration d) { return new Options(duration, threads, sinks, seed, adapter, progress, d, trace); }
    }

    /**
     * Runs the soak and returns its totals, which it also prints to {@code options.progress()}.
     *
     * @throws IllegalArgumentException if the adapter does not declare {@code THREAD_SAFE}
     */
    public static SoakTotals run(Options options) {
        SoakTotals totals = runTyped(options.adapter(), options);
        if (options.progress() != null) options.progress().print(totals.summary());
        return totals;
    }

    private static <S, H> SoakTotals runTyped(SinkAdapter<S, H> adapter, Options options) {
        return new SoakRun<>(adapter, options).run();
    }
}
