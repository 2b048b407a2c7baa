package org.sinkcheck.stress.lincheck;

import java.util.List;
import org.jetbrains.kotlinx.lincheck.LinChecker;
import org.jetbrains.kotlinx.lincheck.annotations.Operation;
import org.jetbrains.kotlinx.lincheck.strategy.managed.modelchecking.ModelCheckingOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sinkcheck.model.CallHistory;
import org.sinkcheck.model.ProviderAnswers;

/**
 * The race recorder counts atomically: two providers answering one call at once (the two actors of
 * {@code SC09_DeliverVsDeliver}) lose no accepted signal and no accepted complete. Lincheck's model
 * checking tries the interleavings of the recorder's own steps, so a lost update is found every run,
 * whatever the machine's load. Run against the recorder's former plain {@code int} and plain fields, it
 * failed at once with two accepts read as one: the lost update that made the arbiter charge a correct
 * sink with SC-09 (7 times in 17.5 M samples of {@code SC09_DeliverVsDeliver} in quick mode).
 */
class ProviderAnswersLincheckTest {

    /** One call's recorder, answered from every thread; its sequential specification is itself, run one operation at a time. */
    public static class OneCall {
        private final ProviderAnswers answers = new ProviderAnswers();

        @Operation
        public void signalAccepted() { answers.accepted(1); }

        @Operation
        public void completeAccepted() { answers.answeredComplete(true); }

        @Operation
        public void completeRefused() { answers.answeredComplete(false); }

        @Operation
        public int signals() { return answers.signalsAccepted(); }

        @Operation
        public CallHistory.Answer completeAnswer() { return answers.applyTo(CallHistory.of(List.of())).complete(); }
    }

    @Test
    @Timeout(600)
    void SC09_twoProvidersAnsweringOneCallAtOnceLoseNoAcceptedSignalAndNoAcceptedComplete() {
        LinChecker.check(OneCall.class, new ModelCheckingOptions()
                .iterations(5).invocationsPerIteration(100).threads(2).actorsPerThread(3).actorsBefore(0).actorsAfter(1));
    }
}
