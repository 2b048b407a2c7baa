package org.sinkcheck.stress.lincheck;

import org.jetbrains.kotlinx.lincheck.annotations.Operation;
import org.jetbrains.kotlinx.lincheck.annotations.Param;
import org.jetbrains.kotlinx.lincheck.annotations.Validate;
import org.jetbrains.kotlinx.lincheck.paramgen.IntGen;
import org.sinkcheck.stress.RaceCall;
import org.sinkcheck.stress.Race;

/**
 * The sink under test as Lincheck sees it: two sinks, up to three calls, and the operations begin,
 * deliver, complete and cancel. Results are what the sink answered the provider (the call's number, or
 * whether a signal was accepted); {@link ModelSpecification} gives the results the executable model
 * allows. After each scenario, {@link #endStateObeysTheRules} grades what the listeners heard with the
 * jcstress arbiter (one final, nothing after it, nothing retained, the provider told), which catches
 * what the provider's answers cannot show, such as a call that got two finals.
 *
 * <p>Begin, deliver and complete are one provider's operations ({@code nonParallelGroup}): a provider
 * signals its calls from one thread, and two concurrent signals of one call may legitimately be refused
 * as busy (SC-09), which no sequential order explains. Cancels run on every thread, racing the provider.
 */
@Param(name = "sink", gen = IntGen.class, conf = "0:1")
@Param(name = "call", gen = IntGen.class, conf = "0:2")
public class SinkOperations {
    static final int SINKS = 2;
    static final int CALLS = 3;
    /** {@link #begin}'s answer once all calls are taken. */
    static final int NO_CALL = -1;
    private static final String PROVIDER = "provider";

    private final Race race = Stages.race(SINKS);
    private final RaceCall[] calls = new RaceCall[CALLS];
    private int begun;

    @Operation(nonParallelGroup = PROVIDER)
    public int begin(@Param(name = "sink") int sink) {
        if (begun == CALLS) return NO_CALL;
        RaceCall call = race.laterCall("c" + (begun + 1), sink);
        calls[begun] = call;
        race.begin(call);
        return begun++;
    }

    @Operation(nonParallelGroup = PROVIDER)
    public boolean deliver(@Param(name = "call") int call) {
        return calls[call] != null && race.deliver(calls[call]);
    }

    @Operation(nonParallelGroup = PROVIDER)
    public boolean complete(@Param(name = "call") int call) {
        return calls[call] != null && race.complete(calls[call]);
    }

    @Operation
    public void cancel(@Param(name = "sink") int sink) {
        race.cancel(sink);
    }

    /** Fails the scenario with the first broken rule, as {@code SC-nn:where:what}. */
    @Validate
    public void endStateObeysTheRules() { race.requireNoBrokenRule(); }
}
