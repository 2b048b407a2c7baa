package org.sinkcheck.stress.races;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.L_Result;
import org.sinkcheck.stress.RaceCall;
import org.sinkcheck.stress.Race;

/**
 * Two threads cancel the same sink A, which holds a1 and a2. Concurrent cancels end each call exactly
 * once (SC-07): whichever cancel reaches a call first ends it, the other finds it finished. A sweep that
 * snapshots the registry and then sends finals without claiming each call sends two onCancelled.
 */
@JCStressTest
@Outcome(id = "a1:cancelled/a2:cancelled", expect = ACCEPTABLE, desc = "SC-07: each call ended exactly once, by whichever cancel reached it first")
@Outcome(id = "SC-07:.*", expect = FORBIDDEN, desc = "SC-07: the two cancels both ended a call (two onCancelled)")
@Outcome(id = "SC-01:.*", expect = FORBIDDEN, desc = "SC-01: a call survived both cancels")
@Outcome(id = "SC-13:.*", expect = FORBIDDEN, desc = "SC-13: the sink still references a cancelled call")
@Outcome(expect = FORBIDDEN, desc = "No rule allows this end state; an SC-nn outcome names the rule it breaks")
@State
public class SC07_CancelVsCancel {
    private final Race race = new Race(1);

    public SC07_CancelVsCancel() {
        race.pendingCall("a1", 0);
        race.pendingCall("a2", 0);
    }

    @Actor
    public void cancel1() { race.cancel(0); }

    @Actor
    public void cancel2() { race.cancel(0); }

    @Arbiter
    public void arbiter(L_Result r) { r.r1 = race.endState(); }
}
