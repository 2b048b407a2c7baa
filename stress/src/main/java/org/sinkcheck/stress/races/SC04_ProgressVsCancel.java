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
 * A provider reports progress of a1 while the client cancels sink A: the progress callback is the other
 * non-final signal, and SC-04 silences it exactly as it silences objects. Either the report started
 * before the cancel's linearization point and onCancelled follows it, or it is refused.
 */
@JCStressTest
@RequiresCapability(Capability.PROGRESS)
@Outcome(id = "a1:progress\\+cancelled", expect = ACCEPTABLE, desc = "SC-04: the progress report started before the cancel's linearization point; onCancelled followed it")
@Outcome(id = "a1:cancelled", expect = ACCEPTABLE, desc = "SC-01, SC-04: the cancel came first; the progress report was refused")
@Outcome(id = "SC-04:.*", expect = FORBIDDEN, desc = "SC-04: progress reached the listener after onCancelled, or a refused report reached it")
@Outcome(id = "SC-03:.*", expect = FORBIDDEN, desc = "SC-03: a1 got two finals, or an event after its final")
@Outcome(expect = FORBIDDEN, desc = "No rule allows this end state; an SC-nn outcome names the rule it breaks")
@State
public class SC04_ProgressVsCancel {
    private final Race race = new Race(1);
    private final RaceCall a1 = race.pendingCall("a1", 0);

    @Actor
    public void progress() { race.progress(a1); }

    @Actor
    public void cancel() { race.cancel(0); }

    @Arbiter
    public void arbiter(L_Result r) { r.r1 = race.endState(); }
}
