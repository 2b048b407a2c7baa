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
 * The client cancels sink A while the provider of b1 completes it on sink B. The complete always wins,
 * since nothing cancels b1 (SC-02); its onCompleted is b1's only final (SC-03, SC-05).
 */
@JCStressTest
@Outcome(id = "a1:cancelled/b1:completed", expect = ACCEPTABLE, desc = "SC-01, SC-02: A's call ended; b1 completed untouched")
@Outcome(id = "SC-02:.*", expect = FORBIDDEN, desc = "SC-02: cancelling A cancelled b1, or a listener heard another sink's call")
@Outcome(id = "SC-05:.*", expect = FORBIDDEN, desc = "SC-05: b1's complete was refused or overruled although only A was cancelled")
@Outcome(expect = FORBIDDEN, desc = "No rule allows this end state; an SC-nn outcome names the rule it breaks")
@State
public class SC02_CancelAVsCompleteOnB {
    private final Race race = new Race(2);
    private final RaceCall b1;

    public SC02_CancelAVsCompleteOnB() {
        race.pendingCall("a1", 0);
        b1 = race.pendingCall("b1", 1);
    }

    @Actor
    public void cancelA() { race.cancel(0); }

    @Actor
    public void completeOnB() { race.complete(b1); }

    @Arbiter
    public void arbiter(L_Result r) { r.r1 = race.endState(); }
}
