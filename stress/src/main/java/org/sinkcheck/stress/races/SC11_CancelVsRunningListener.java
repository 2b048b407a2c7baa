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
 * The client cancels sink A while a listener of A is inside a1's object callback, which does not return
 * until that cancel has (or a second has passed). Cancel never waits for a listener (SC-11): it decides
 * a1's final and returns, and a1's onCancelled follows the callback (SC-04). A sink that runs listeners
 * under the lock its cancel needs makes the cancel wait: the dotnet/corefx#14903 deadlock.
 */
@JCStressTest
@Outcome(id = "a1:object\\+cancelled", expect = ACCEPTABLE_INTERESTING, desc = "SC-11, SC-04: the cancel returned while the listener was still running; onCancelled followed it")
@Outcome(id = "a1:cancelled", expect = ACCEPTABLE, desc = "SC-01, SC-04: the cancel came first; the delivery was refused")
@Outcome(id = "SC-11:.*", expect = FORBIDDEN, desc = "SC-11: the cancel waited for a running listener of its sink")
@Outcome(id = "SC-04:.*", expect = FORBIDDEN, desc = "SC-04: an object reached the listener after onCancelled")
@Outcome(expect = FORBIDDEN, desc = "No rule allows this end state; an SC-nn outcome names the rule it breaks")
@State
public class SC11_CancelVsRunningListener {
    private final Race race = new Race(1);
    private final RaceCall a1;

    public SC11_CancelVsRunningListener() {
        a1 = race.pendingCall("a1", 0);
        race.dawdleInObjectCallbackOfUntilCancelReturns(a1);
    }

    @Actor
    public void deliver() { race.deliver(a1); }

    @Actor
    public void cancel() { race.cancel(0); }

    @Arbiter
    public void arbiter(L_Result r) { r.r1 = race.endState(); }
}
