package org.sinkcheck.stress.races;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
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
 * The provider fails a1 while the client cancels sink A. Failing is the provider's other final, and it
 * competes with cancel under the same rule as completing (SC-05): the provider's error is kept only if
 * the fail won, and then the cancel leaves a1 alone.
 */
@JCStressTest
@RequiresCapability(Capability.FAIL)
@Outcome(id = "a1:failed", expect = ACCEPTABLE, desc = "SC-05: fail won; the cancel found a1 already finished")
@Outcome(id = "a1:cancelled", expect = ACCEPTABLE, desc = "SC-01, SC-05: cancel won; the fail was refused")
@Outcome(id = "SC-05:.*", expect = FORBIDDEN, desc = "SC-05: a1 got another final after onCancelled, or a final other than the one the provider was answered")
@Outcome(id = "SC-03:.*", expect = FORBIDDEN, desc = "SC-03: a1 got both finals, or an event after its final")
@Outcome(id = "SC-12:.*", expect = FORBIDDEN, desc = "SC-12: the provider's view of a1 disagrees with its final")
@Outcome(expect = FORBIDDEN, desc = "No rule allows this end state; an SC-nn outcome names the rule it breaks")
@State
public class SC05_FailVsCancel {
    private final Race race = new Race(1);
    private final RaceCall a1 = race.pendingCall("a1", 0);

    @Actor
    public void fail() { race.fail(a1); }

    @Actor
    public void cancel() { race.cancel(0); }

    @Arbiter
    public void arbiter(L_Result r) { r.r1 = race.endState(); }
}
