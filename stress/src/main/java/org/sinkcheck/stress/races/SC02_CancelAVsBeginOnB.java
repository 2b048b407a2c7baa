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
 * The client cancels sink A while another thread begins b2 on sink B (which already holds b1). Cancel
 * never reaches another sink (SC-02): a1 ends, and b1 and b2 stay live whatever the timing. A shared
 * registry, or a sink-wide flag shared between sinks, cancels b2 or b1 here.
 */
@JCStressTest
@Outcome(id = "a1:cancelled/b1:live/b2:live", expect = ACCEPTABLE, desc = "SC-01, SC-02: A's call ended; B's calls, old and new, are untouched")
@Outcome(id = "SC-02:.*", expect = FORBIDDEN, desc = "SC-02: cancelling A touched a call of B, or B's listener heard of A's call")
@Outcome(id = "SC-06:.*", expect = FORBIDDEN, desc = "SC-06: B lost track of the call begun during A's cancel")
@Outcome(expect = FORBIDDEN, desc = "No rule allows this end state; an SC-nn outcome names the rule it breaks")
@State
public class SC02_CancelAVsBeginOnB {
    private final Race race = new Race(2);
    private final RaceCall b2;

    public SC02_CancelAVsBeginOnB() {
        race.pendingCall("a1", 0);
        race.pendingCall("b1", 1);
        b2 = race.laterCall("b2", 1);
    }

    @Actor
    public void cancelA() { race.cancel(0); }

    @Actor
    public void beginOnB() { race.begin(b2); }

    @Arbiter
    public void arbiter(L_Result r) { r.r1 = race.endState(); }
}
