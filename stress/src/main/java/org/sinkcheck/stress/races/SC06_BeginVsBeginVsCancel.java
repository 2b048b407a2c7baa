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
 * Two begins race one cancel on sink A (which holds a1). Each new call independently lands before or after
 * the cancel's linearization point, so all four combinations are allowed; the split ones, where the cancel
 * fell between the two begins, are the interesting ones. Two begins contending on the registry while it
 * is being closed must still lose nothing (SC-06).
 */
@JCStressTest
@Outcome(id = "a1:cancelled/a2:cancelled/a3:cancelled", expect = ACCEPTABLE, desc = "SC-01, SC-06: both begins came first; the cancel ended all three")
@Outcome(id = "a1:cancelled/a2:live/a3:live", expect = ACCEPTABLE, desc = "SC-06, SC-08: both begins came after the cancel; both calls are live")
@Outcome(id = {"a1:cancelled/a2:cancelled/a3:live", "a1:cancelled/a2:live/a3:cancelled"}, expect = ACCEPTABLE_INTERESTING,
        desc = "SC-06: the cancel fell between the two begins; one was cancelled, one is live")
@Outcome(id = "SC-06:.*", expect = FORBIDDEN, desc = "SC-06: a begun call was lost: neither cancelled nor reachable by the next cancel")
@Outcome(id = "SC-13:.*", expect = FORBIDDEN, desc = "SC-13: the sink references a finished call")
@Outcome(expect = FORBIDDEN, desc = "No rule allows this end state; an SC-nn outcome names the rule it breaks")
@State
public class SC06_BeginVsBeginVsCancel {
    private final Race race = new Race(1);
    private final RaceCall a2;
    private final RaceCall a3;

    public SC06_BeginVsBeginVsCancel() {
        race.pendingCall("a1", 0);
        a2 = race.laterCall("a2", 0);
        a3 = race.laterCall("a3", 0);
    }

    @Actor
    public void begin2() { race.begin(a2); }

    @Actor
    public void begin3() { race.begin(a3); }

    @Actor
    public void cancel() { race.cancel(0); }

    @Arbiter
    public void arbiter(L_Result r) { r.r1 = race.endState(); }
}
