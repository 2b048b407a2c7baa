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
 * Begin racing cancel on one sink: the classic lost call (dotnet {@code CancellationTokenSource.Register},
 * grpc-java#5981). Sink A holds a pending call a1, so the cancel has work to do; one actor begins a2 while
 * the other cancels A. Either a2 linearizes before the cancel and is cancelled by it (SC-01), or after and
 * is live (SC-08), and then A still references it and the arbiter's next cancel ends it. A begin that slips
 * between the cancel's snapshot and its close is cancelled by nobody: SC-06.
 */
@JCStressTest
@Outcome(id = "a1:cancelled/a2:cancelled", expect = ACCEPTABLE, desc = "SC-01, SC-06: a2 began before the cancel's linearization point; the cancel ended it")
@Outcome(id = "a1:cancelled/a2:live", expect = ACCEPTABLE, desc = "SC-06, SC-08: a2 began after the cancel; it is live and the next cancel ends it")
@Outcome(id = "SC-06:.*", expect = FORBIDDEN, desc = "SC-06: a call begun racing cancel was lost: neither cancelled nor reachable by the next cancel")
@Outcome(id = "SC-01:.*", expect = FORBIDDEN, desc = "SC-01: a call pending before the cancel survived it")
@Outcome(id = "SC-13:.*", expect = FORBIDDEN, desc = "SC-13: the sink still references a finished call")
@Outcome(expect = FORBIDDEN, desc = "No rule allows this end state; an SC-nn outcome names the rule it breaks")
@State
public class SC06_BeginVsCancel {
    private final Race race = new Race(1);
    private final RaceCall a2;

    public SC06_BeginVsCancel() {
        race.pendingCall("a1", 0);
        a2 = race.laterCall("a2", 0);
    }

    @Actor
    public void begin() { race.begin(a2); }

    @Actor
    public void cancel() { race.cancel(0); }

    @Arbiter
    public void arbiter(L_Result r) { r.r1 = race.endState(); }
}
