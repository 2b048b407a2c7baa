package org.sinkcheck.model;

/**
 * What a sink answered one call's provider, written down signal by signal by a tier that drives a real
 * sink (the stress tier's race, the soak): how many object and progress signals it accepted, its answers
 * to complete and to fail, and whether a signal threw instead of answering (SC-12). Together with what the
 * listener heard, it is the call's {@link CallHistory}.
 *
 * <p>Not thread-safe: only the call's provider writes it, and whoever reads it is ordered after that
 * provider (jcstress's arbiter after every actor, the soak's retirement after the provider is done).
 */
public final class ProviderAnswers {
    private int signalsAccepted;
    private CallHistory.Answer complete = CallHistory.Answer.NOT_SENT;
    private CallHistory.Answer fail = CallHistory.Answer.NOT_SENT;
    private boolean signalThrew;

    /** The sink accepted {@code signals} more object or progress signals. */
    public void accepted(int signals) { signalsAccepted += signals; }

    /** The sink answered a complete with {@code accepted}. */
    public void answeredComplete(boolean accepted) { complete = complete.and(accepted); }

    /** The sink answered a fail with {@code accepted}. */
    public void answeredFail(boolean accepted) { fail = fail.and(accepted); }

    /** A signal threw instead of answering. */
    public void threw() { signalThrew = true; }

    public int signalsAccepted() { return signalsAccepted; }

    public boolean signalThrew() { return signalThrew; }

    /**
     * {@code history} with these answers to complete and fail and whether a signal threw; how many object
     * signals were accepted is the tier's to say ({@link CallHistory#signalsAccepted(int)}), since only it
     * knows when the count is final.
     */
    public CallHistory applyTo(CallHistory history) {
        return history.answers(complete, fail).signalThrew(signalThrew);
    }
}
