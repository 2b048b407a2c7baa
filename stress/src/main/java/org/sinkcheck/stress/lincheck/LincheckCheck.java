package org.sinkcheck.stress.lincheck;

import org.jetbrains.kotlinx.lincheck.LinChecker;
import org.jetbrains.kotlinx.lincheck.strategy.managed.modelchecking.ModelCheckingOptions;

/**
 * Lincheck's model-checking run over {@link SinkOperations}, with the executable model as the sequential
 * specification. Two threads (the provider, and a client that cancels), three operations each, two before
 * and two after; the budget is iterations × invocations. Throws Lincheck's {@code LincheckAssertionError},
 * whose message is the smallest failing scenario and the interleaving that breaks it.
 */
public final class LincheckCheck {
    private LincheckCheck() {}

    /** The budget of the CI tier and of {@code ./sinkcheck stress --mode sanity}: about ten seconds here. */
    public static final int CI_ITERATIONS = 10;
    public static final int CI_INVOCATIONS = 1000;

    public static void run(int iterations, int invocationsPerIteration) {
        ModelCheckingOptions options = new ModelCheckingOptions()
                .iterations(iterations)
                .invocationsPerIteration(invocationsPerIteration)
                .threads(2)
                .actorsPerThread(3)
                .actorsBefore(2)
                .actorsAfter(2)
                .sequentialSpecification(ModelSpecification.class);
        LinChecker.check(SinkOperations.class, options);
    }
}
