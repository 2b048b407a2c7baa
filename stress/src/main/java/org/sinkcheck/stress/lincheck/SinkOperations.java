package org.sinkcheck.stress.lincheck;

import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jetbrains.kotlinx.lincheck.annotations.Operation;
import org.jetbrains.kotlinx.lincheck.annotations.Param;
import org.jetbrains.kotlinx.lincheck.annotations.Validate;
import org.jetbrains.kotlinx.lincheck.paramgen.IntGen;
import org.sinkcheck.kit.SinkAdapter;
import org.sinkcheck.stress.Race;
import org.sinkcheck.stress.RaceCall;

/**
 * The sink under test as Lincheck sees it: two sinks, up to three calls, and the operations begin,
 * deliver, complete and cancel (and progress and fail, in the written-out scenarios only). Results are what the sink answered the provider (the
 * call's number, or whether a signal was accepted); {@link ModelSpecification} gives the results the
 * executable model allows. After each scenario, {@link #endStateObeysTheRules} grades what the listeners
 * heard with the jcstress arbiter (one final, nothing after it, nothing retained, the provider told),
 * which catches what the provider's answers cannot show, such as a call that got two finals.
 *
 * <p>In the scenarios Lincheck generates, begin and the signals are one provider's operations
 * ({@code nonParallelGroup}): two concurrent signals of one call may legitimately be refused as busy
 * (SC-09), which no sequential order explains. Cancels run on every thread, racing the provider. The
 * written-out scenarios of {@link CrossThreadScenarios} begin every call on thread 0 and signal it from
 * thread 1 (issue 14's cross-thread shape), still one signalling thread per call.
 *
 * <p>Harness state is published safely, since Lincheck's model checking finds the harness's own races
 * too: a call is published through an {@link AtomicReferenceArray} only after its {@code begin} returned
 * (its handle is a volatile write before that), so a thread that sees a call sees its handle; a signal
 * that does not see it yet is refused, as the model refuses a signal of an unborn call (it overlapped
 * the begin and linearizes before it). {@code begun} is written only by the thread that begins, the
 * initial part's thread 0 handing over to the parallel part through Lincheck's executor.
 */
@Param(name = "sink", gen = IntGen.class, conf = "0:1")
@Param(name = "call", gen = IntGen.class, conf = "0:2")
public class SinkOperations {
    static final int SINKS = 2;
    static final int CALLS = 3;
    /** {@link #begin}'s answer once all calls are taken. */
    static final int NO_CALL = -1;
    private static final String PROVIDER = "provider";

    private final Race race;
    private final AtomicReferenceArray<RaceCall> calls = new AtomicReferenceArray<>(CALLS);
    private int begun;

    /** The scenarios on the sink under test. */
    public SinkOperations() { this.race = Stages.race(SinkOperations.class, SINKS); }

    /** The same scenarios on {@code adapter}'s sink, for a subclass whose no-argument constructor names it. */
    protected SinkOperations(SinkAdapter<?, ?> adapter) { this.race = Stages.race(adapter, SINKS); }

    @Operation(nonParallelGroup = PROVIDER)
    public int begin(@Param(name = "sink") int sink) {
        if (begun == CALLS) return NO_CALL;
        RaceCall call = race.laterCall("c" + (begun + 1), sink);
        race.begin(call);
        calls.set(begun, call);   // published once begun: a thread that sees the call sees its handle
        return begun++;
    }

    @Operation(nonParallelGroup = PROVIDER)
    public boolean deliver(@Param(name = "call") int call) {
        RaceCall c = calls.get(call);
        return c != null && race.deliver(c);
    }

    /** Not generated ({@code @Operation} would change the generated scenarios): the cross-thread ones use it. */
    public boolean progress(int call) {
        RaceCall c = calls.get(call);
        return c != null && race.progress(c);
    }

    @Operation(nonParallelGroup = PROVIDER)
    public boolean complete(@Param(name = "call") int call) {
        RaceCall c = calls.get(call);
        return c != null && race.complete(c);
    }

    /** Not generated, like {@link #progress}. */
    public boolean fail(int call) {
        RaceCall c = calls.get(call);
        return c != null && race.fail(c);
    }

    @Operation
    public void cancel(@Param(name = "sink") int sink) {
        race.cancel(sink);
    }

    /** Fails the scenario with the first broken rule, as {@code SC-nn:where:what}. */
    @Validate
    public void endStateObeysTheRules() { race.requireNoBrokenRule(); }
}
