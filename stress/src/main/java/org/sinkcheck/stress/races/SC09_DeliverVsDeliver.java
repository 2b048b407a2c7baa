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
import org.sinkcheck.stress.RaceCall;
import org.sinkcheck.stress.Race;

/**
 * Two provider threads deliver to the same call a1 at once, and its object callback lingers a little.
 * Callbacks of one call never run concurrently (SC-09): either the deliveries take turns, or the sink
 * refuses the one that arrives while the other's callback runs ({@code CALL_BUSY}). A sink that admits a
 * signal whenever the call has no final runs the listener twice at once.
 */
@JCStressTest
@Outcome(id = "a1:object\\+object\\+live", expect = ACCEPTABLE, desc = "SC-09: the two callbacks took turns")
@Outcome(id = "a1:object\\+live", expect = ACCEPTABLE_INTERESTING, desc = "SC-09: one delivery arrived while the other's callback ran, and was refused as busy")
@Outcome(id = "SC-09:.*", expect = FORBIDDEN, desc = "SC-09: two callbacks of one call ran at the same time")
@Outcome(expect = FORBIDDEN, desc = "No rule allows this end state; an SC-nn outcome names the rule it breaks")
@State
public class SC09_DeliverVsDeliver {
    private final Race race = new Race(1);
    private final RaceCall a1;

    public SC09_DeliverVsDeliver() {
        a1 = race.pendingCall("a1", 0);
        race.lingerInObjectCallbackOf(a1);
    }

    @Actor
    public void deliver1() { race.deliver(a1); }

    @Actor
    public void deliver2() { race.deliver(a1); }

    @Arbiter
    public void arbiter(L_Result r) { r.r1 = race.endState(); }
}
