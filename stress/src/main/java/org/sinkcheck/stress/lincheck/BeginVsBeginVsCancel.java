package org.sinkcheck.stress.lincheck;

import org.jetbrains.kotlinx.lincheck.annotations.Operation;
import org.jetbrains.kotlinx.lincheck.annotations.Validate;
import org.sinkcheck.stress.Race;
import org.sinkcheck.stress.RaceCall;

/**
 * The three-actor race {@code SC06_BeginVsBeginVsCancel} as Lincheck operations, for machines with fewer
 * CPUs than it has actors, where jcstress does not run it: a1 begun on sink A before the race, then
 * begin a2 ‖ begin a3 ‖ cancel A, then a provider signals each call to see which are still live. The stage
 * is the races' own ({@link Race}), and so is the grading: {@link #endStateObeysTheRules} fails the
 * scenario with the first rule the end state breaks, through the jcstress arbiter (a begun call lost
 * to the cancel is {@code SC-06:…}). The answers must also fit the executable model
 * ({@link ModelSpecification}): some order of the three steps explains which calls the cancel ended.
 *
 * <p>{@link LincheckCheck#beginVsBeginVsCancel} runs exactly this scenario; the operations take the sink and call numbers of
 * the model ({@code sink 0} is A, {@code call 0} is a1), so its actors read as the model's actions.
 */
public class BeginVsBeginVsCancel {
    static final int A = 0;
    private static final String[] NAMES = {"a1", "a2", "a3"};

    private final Race race = Stages.race(BeginVsBeginVsCancel.class, 1);
    private final RaceCall[] calls = new RaceCall[NAMES.length];

    public BeginVsBeginVsCancel() {
        for (int c = 0; c < NAMES.length; c++) calls[c] = race.laterCall(NAMES[c], A);
    }

    @Operation
    public void begin(int sink, int call) { race.begin(calls[call]); }

    @Operation
    public void cancel(int sink) { race.cancel(sink); }

    /** Whether the sink accepted an object for {@code call}: refused once the call is cancelled. */
    @Operation
    public boolean deliver(int call) { return race.deliver(calls[call]); }

    /** Fails the scenario with the first broken rule, as {@code SC-nn:where:what}. */
    @Validate
    public void endStateObeysTheRules() { race.requireNoBrokenRule(); }
}
