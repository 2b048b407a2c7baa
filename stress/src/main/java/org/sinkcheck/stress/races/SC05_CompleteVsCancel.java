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
 * The provider completes a1 while the client cancels sink A: exactly one of them wins (SC-05). A fast call
 * keeps its real result (onCompleted, the provider's complete accepted, the provider not told "cancelled");
 * otherwise the cancel wins (onCancelled, the complete refused, the provider told, SC-12). Both finals, or a
 * final that contradicts what the provider was answered, is the bug.
 */
@JCStressTest
@Outcome(id = "a1:completed", expect = ACCEPTABLE, desc = "SC-05: complete won; the cancel found a1 already finished")
@Outcome(id = "a1:cancelled", expect = ACCEPTABLE, desc = "SC-01, SC-05: cancel won; the complete was refused")
@Outcome(id = "SC-03:.*", expect = FORBIDDEN, desc = "SC-03: a1 got both finals, or an event after its final")
@Outcome(id = "SC-05:.*", expect = FORBIDDEN, desc = "SC-05: a1 got another final after onCancelled, or a final other than the one the provider was answered")
@Outcome(id = "SC-12:.*", expect = FORBIDDEN, desc = "SC-12: the provider's view of a1 disagrees with its final")
@Outcome(expect = FORBIDDEN, desc = "No rule allows this end state; an SC-nn outcome names the rule it breaks")
@State
public class SC05_CompleteVsCancel {
    private final Race race = new Race(1);
    private final RaceCall a1 = race.pendingCall("a1", 0);

    @Actor
    public void complete() { race.complete(a1); }

    @Actor
    public void cancel() { race.cancel(0); }

    @Arbiter
    public void arbiter(L_Result r) { r.r1 = race.endState(); }
}
