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
import org.sinkcheck.stress.Race;
import org.sinkcheck.stress.RaceCall;

/**
 * The shape of real asynchronous code: a request thread begins a2 on sink A (which holds a1) and hands it
 * to an event loop, which delivers an object and then completes it, while a client thread cancels A. The
 * call is begun on one thread and signalled from another, its callbacks run on the loop's thread. If a2
 * began before the cancel's linearization point it is cancelled, and of the loop's signals only those
 * sent before that point went through (SC-04, SC-05); if it began after, it is live and the loop
 * completes it (SC-08). A sink that ties a call to the thread that began it (a per-thread slot freed only
 * by its owner) loses or retains it here (SC-06, SC-13).
 */
@JCStressTest
@Outcome(id = "a1:cancelled/a2:cancelled", expect = ACCEPTABLE, desc = "SC-01, SC-04: a2 began before the cancel's linearization point; the loop's signals were refused")
@Outcome(id = "a1:cancelled/a2:object\\+cancelled", expect = ACCEPTABLE_INTERESTING,
        desc = "SC-04, SC-05: the loop's object came before the cancel's linearization point, its complete after: refused")
@Outcome(id = "a1:cancelled/a2:object\\+completed", expect = ACCEPTABLE,
        desc = "SC-05, SC-08: a2 began after the cancel (or the loop finished it first); the loop completed it")
@Outcome(id = "SC-03:.*", expect = FORBIDDEN, desc = "SC-03: a2 got two finals, or an event after its final")
@Outcome(id = "SC-04:.*", expect = FORBIDDEN, desc = "SC-04: the loop's object reached the listener after onCancelled, or was accepted after the cancel returned")
@Outcome(id = "SC-05:.*", expect = FORBIDDEN, desc = "SC-05: the loop's complete overruled the cancel, or was accepted after the cancel returned")
@Outcome(id = "SC-06:.*", expect = FORBIDDEN, desc = "SC-06: a2, signalled from another thread than its begin, was lost")
@Outcome(id = "SC-12:.*", expect = FORBIDDEN, desc = "SC-12: the provider's view of a call disagrees with its final")
@Outcome(id = "SC-13:.*", expect = FORBIDDEN, desc = "SC-13: the sink still references a call ended on another thread than its begin")
@Outcome(expect = FORBIDDEN, desc = "No rule allows this end state; an SC-nn outcome names the rule it breaks")
@State
public class SC04_EventLoopSignalsVsCancel {
    private final Race race = new Race(1);
    private final RaceCall a2;

    public SC04_EventLoopSignalsVsCancel() {
        race.pendingCall("a1", 0);
        a2 = race.laterCall("a2", 0);
    }

    @Actor
    public void beginAndHandToTheEventLoop() {
        race.begin(a2);
        race.onEventLoop(() -> {
            race.deliver(a2);
            race.complete(a2);
        });
    }

    @Actor
    public void cancel() { race.cancel(0); }

    @Arbiter
    public void arbiter(L_Result r) { r.r1 = race.endState(); }
}
