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
 * A provider delivers an object to a1 while the client cancels sink A. If the delivery linearizes first,
 * its object callback may still be running when the cancel returns, and a1's onCancelled follows it
 * (SC-04's in-flight allowance). If the cancel linearizes first, the delivery is refused and reaches no
 * listener. Never an object after onCancelled (SC-04), never two finals (SC-03).
 */
@JCStressTest
@Outcome(id = "a1:object\\+cancelled", expect = ACCEPTABLE, desc = "SC-04: the object started before the cancel's linearization point; onCancelled followed it")
@Outcome(id = "a1:cancelled", expect = ACCEPTABLE, desc = "SC-01, SC-04: the cancel came first; the delivery was refused")
@Outcome(id = "SC-03:.*", expect = FORBIDDEN, desc = "SC-03: a1 got two finals, or an event after its final")
@Outcome(id = "SC-04:.*", expect = FORBIDDEN, desc = "SC-04: an object reached the listener after onCancelled, or a refused delivery reached it")
@Outcome(id = "SC-12:.*", expect = FORBIDDEN, desc = "SC-12: the provider of the cancelled call was not told")
@Outcome(expect = FORBIDDEN, desc = "No rule allows this end state; an SC-nn outcome names the rule it breaks")
@State
public class SC04_DeliverVsCancel {
    private final Race race = new Race(1);
    private final RaceCall a1 = race.pendingCall("a1", 0);

    @Actor
    public void deliver() { race.deliver(a1); }

    @Actor
    public void cancel() { race.cancel(0); }

    @Arbiter
    public void arbiter(L_Result r) { r.r1 = race.endState(); }
}
