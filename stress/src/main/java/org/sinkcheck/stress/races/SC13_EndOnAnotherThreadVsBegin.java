package org.sinkcheck.stress.races;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.L_Result;
import org.sinkcheck.stress.Race;
import org.sinkcheck.stress.RaceCall;

/**
 * One thread begins a2 and then a3 on sink A; the other completes a2 as soon as its begin has returned,
 * so a2 is begun on one thread and ended on another while the first thread's next begin runs. A sink
 * whose slots belong to the thread that claimed them (a per-thread stripe that only its owner frees)
 * must still unlink a2 when another thread ends it, and must not hand a2's slot to a3 while a2 is still
 * there: a finished call stays referenced (SC-13), or a live one is overwritten and lost (SC-06).
 */
@JCStressTest
@Outcome(id = "a2:completed/a3:live", expect = ACCEPTABLE, desc = "SC-05, SC-13: a2 completed on the other thread and is unlinked; a3 is live")
@Outcome(id = "SC-03:.*", expect = FORBIDDEN, desc = "SC-03: a call got two finals, or its final was not last")
@Outcome(id = "SC-05:.*", expect = FORBIDDEN, desc = "SC-05: a2's complete from the other thread was refused, or overruled")
@Outcome(id = "SC-06:.*", expect = FORBIDDEN, desc = "SC-06: the sink lost track of a live call: a3 took a2's slot while a2 held it")
@Outcome(id = "SC-13:.*", expect = FORBIDDEN, desc = "SC-13: the sink still references a2, ended on another thread than its begin")
@Outcome(expect = FORBIDDEN, desc = "No rule allows this end state; an SC-nn outcome names the rule it breaks")
@State
public class SC13_EndOnAnotherThreadVsBegin {
    private final Race race = new Race(1);
    private final RaceCall a2 = race.laterCall("a2", 0);
    private final RaceCall a3 = race.laterCall("a3", 0);

    @Actor
    public void beginTwo() {
        race.begin(a2);
        race.begin(a3);
    }

    @Actor
    public void completeTheFirst() { race.completeOnceBegun(a2); }

    @Arbiter
    public void arbiter(L_Result r) { r.r1 = race.endState(); }
}
