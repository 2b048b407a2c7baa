package org.sinkcheck.stress.races;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.L_Result;
import org.sinkcheck.kit.Capability;
import org.sinkcheck.stress.RaceCall;
import org.sinkcheck.stress.Race;
import org.sinkcheck.stress.RequiresCapability;

/**
 * The listener cancels its own sink A from inside a1's object callback, while another provider delivers to
 * a2. The cancel takes effect and never deadlocks (SC-16): a1's onCancelled follows the running callback,
 * on the same thread once it returns. a2's delivery either came first (its object, then onCancelled) or
 * was refused. A sink that holds its lock while calling the listener deadlocks here (the run times out);
 * one that ignores a cancel from inside a callback leaves a1 live.
 */
@JCStressTest
@RequiresCapability(Capability.CANCEL_IN_CALLBACK)
@Outcome(id = "a1:object\\+cancelled/a2:cancelled", expect = ACCEPTABLE, desc = "SC-16, SC-04: the callback's cancel came first; a2's delivery was refused")
@Outcome(id = "a1:object\\+cancelled/a2:object\\+cancelled", expect = ACCEPTABLE_INTERESTING,
        desc = "SC-16, SC-04: a2's object started before the callback's cancel; onCancelled followed it")
@Outcome(id = "SC-16:.*", expect = FORBIDDEN, desc = "SC-16: the cancel from inside the callback did not end a call of its sink")
@Outcome(id = "SC-04:.*", expect = FORBIDDEN, desc = "SC-04: an object reached the listener after onCancelled")
@Outcome(id = "SC-03:.*", expect = FORBIDDEN, desc = "SC-03: a call got two finals, or its final was not last")
@Outcome(expect = FORBIDDEN, desc = "No rule allows this end state; an SC-nn outcome names the rule it breaks")
@State
public class SC16_CancelInCallbackVsDeliver {
    private final Race race = new Race(1);
    private final RaceCall a1;
    private final RaceCall a2;

    public SC16_CancelInCallbackVsDeliver() {
        a1 = race.pendingCall("a1", 0);
        a2 = race.pendingCall("a2", 0);
        race.cancelFromInsideObjectCallbackOf(a1);
    }

    @Actor
    public void deliverAndCancelInside() { race.deliver(a1); }

    @Actor
    public void deliver() { race.deliver(a2); }

    @Arbiter
    public void arbiter(L_Result r) { r.r1 = race.endState(); }
}
