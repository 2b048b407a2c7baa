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
 * A provider delivers two objects to a1 as one batch ({@code deliverAll}) while the client cancels sink
 * A. Each object of a batch is one delivery for the rules: the cancel may take effect before the batch,
 * between its objects or after it, and from its linearization point on no object callback starts
 * (SC-04). A batch cut short is refused; an object in flight is followed by onCancelled. Never an object
 * after onCancelled (SC-04), never two finals (SC-03), never more objects than the sink delivered (SC-09).
 */
@JCStressTest
@Outcome(id = "a1:object\\+object\\+cancelled", expect = ACCEPTABLE, desc = "SC-04: both objects started before the cancel's linearization point; onCancelled followed them")
@Outcome(id = "a1:object\\+cancelled", expect = ACCEPTABLE_INTERESTING, desc = "SC-04: the cancel took effect between the batch's objects; the second never started, the batch was refused")
@Outcome(id = "a1:cancelled", expect = ACCEPTABLE, desc = "SC-01, SC-04: the cancel came first; the batch was refused and delivered nothing")
@Outcome(id = "SC-03:.*", expect = FORBIDDEN, desc = "SC-03: a1 got two finals, or an event after its final")
@Outcome(id = "SC-04:.*", expect = FORBIDDEN, desc = "SC-04: an object reached the listener after onCancelled")
@Outcome(id = "SC-09:.*", expect = FORBIDDEN, desc = "SC-09: two callbacks of a1 overlapped, or its listener heard more objects than the sink delivered")
@Outcome(id = "SC-12:.*", expect = FORBIDDEN, desc = "SC-12: the provider of the cancelled call was not told")
@Outcome(expect = FORBIDDEN, desc = "No rule allows this end state; an SC-nn outcome names the rule it breaks")
@State
public class SC04_BatchVsCancel {
    private final Race race = new Race(1);
    private final RaceCall a1 = race.pendingCall("a1", 0);

    @Actor
    public void deliverAll() { race.deliverAll(a1); }

    @Actor
    public void cancel() { race.cancel(0); }

    @Arbiter
    public void arbiter(L_Result r) { r.r1 = race.endState(); }
}
