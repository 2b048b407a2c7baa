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
 * The client cancels sink A while a provider delivers an object to b1 on sink B. B's delivery is always
 * accepted and heard by B's listener only, and b1 stays live (SC-02): a cancel that refuses signals
 * sink-wide, or routes its sweep through a shared structure, breaks it.
 */
@JCStressTest
@Outcome(id = "a1:cancelled/b1:object\\+live", expect = ACCEPTABLE, desc = "SC-01, SC-02: A's call ended; B's delivery went through and b1 is live")
@Outcome(id = "SC-02:.*", expect = FORBIDDEN, desc = "SC-02: cancelling A touched b1, or a listener heard another sink's call")
@Outcome(id = "SC-04:.*", expect = FORBIDDEN, desc = "SC-04: a refused signal reached a listener")
@Outcome(expect = FORBIDDEN, desc = "No rule allows this end state (e.g. b1's delivery refused although B was never cancelled)")
@State
public class SC02_CancelAVsDeliverOnB {
    private final Race race = new Race(2);
    private final RaceCall b1;

    public SC02_CancelAVsDeliverOnB() {
        race.pendingCall("a1", 0);
        b1 = race.pendingCall("b1", 1);
    }

    @Actor
    public void cancelA() { race.cancel(0); }

    @Actor
    public void deliverOnB() { race.deliver(b1); }

    @Arbiter
    public void arbiter(L_Result r) { r.r1 = race.endState(); }
}
