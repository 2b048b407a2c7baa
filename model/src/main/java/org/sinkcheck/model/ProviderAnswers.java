package org.sinkcheck.model;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a sink answered one call's provider, written down signal by signal by a tier that drives a real
 * sink (the stress tier's race, the soak): how many object and progress signals it accepted, its answers
 * to complete and to fail, and whether a signal threw instead of answering (SC-12). Together with what the
 * listener heard, it is the call's {@link CallHistory}.
 *
 * <p>Thread-safe: a call may be signalled from several threads at once (two providers racing in
 * {@code SC09_DeliverVsDeliver}, a call begun on one thread and ended on another), and a count kept in
 * a plain {@code int} loses updates there, which the grading then reads as a sink that delivered more
 * than it accepted (SC-09): a false positive of the recorder, not of the sink. Every field is an atomic,
 * so the readers (jcstress's arbiter after every actor, the soak's retirement after the provider is done)
 * see every answer.
 */
public final class ProviderAnswers {
    private final AtomicInteger signalsAccepted = new AtomicInteger();
    private final AtomicReference<CallHistory.Answer> complete = new AtomicReference<>(CallHistory.Answer.NOT_SENT);
    private final AtomicReference<CallHistory.Answer> fail = new AtomicReference<>(CallHistory.Answer.NOT_SENT);
    private volatile boolean signalThrew;

    /** The sink accepted {@code signals} more object or progress signals. */
    public void accepted(int signals) { signalsAccepted.addAndGet(signals); }

    /** The sink answered a complete with {@code accepted}. */
    public void answeredComplete(boolean accepted) { complete.updateAndGet(answer -> answer.and(accepted)); }

    /** The sink answered a fail with {@code accepted}. */
    public void answeredFail(boolean accepted) { fail.updateAndGet(answer -> answer.and(accepted)); }

    /** A signal threw instead of answering. */
    public void threw() { signalThrew = true; }

    public int signalsAccepted() { return signalsAccepted.get(); }

    public boolean signalThrew() { return signalThrew; }

    /**
     * {@code history} with these answers to complete and fail and whether a signal threw; how many object
     * signals were accepted is the tier's to say ({@link CallHistory#signalsAccepted(int)}), since only it
     * knows when the count is final.
     */
    public CallHistory applyTo(CallHistory history) {
        return history.answers(complete.get(), fail.get()).signalThrew(signalThrew);
    }
}
