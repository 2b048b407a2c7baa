package org.sinkcheck.stress.lincheck;

import static org.jetbrains.kotlinx.lincheck.strategy.managed.ManagedStrategyGuaranteeKt.forClasses;

import org.jetbrains.kotlinx.lincheck.LinChecker;
import org.jetbrains.kotlinx.lincheck.strategy.managed.modelchecking.ModelCheckingOptions;

/**
 * Lincheck's model-checking run over {@link SinkOperations}, with the executable model as the sequential
 * specification. Two threads (the provider, and a client that cancels), two operations each, one before; the budget is iterations × invocations. The recording listener and the end-state grading
 * are the harness, not the sink: Lincheck ignores them, so that every interleaving it tries differs in
 * the sink's own steps. Failing scenarios are already small, so Lincheck does not spend time minimising them. Throws Lincheck's {@code LincheckAssertionError},
 * whose message is the smallest failing scenario and the interleaving that breaks it.
 */
public final class LincheckCheck {
    private LincheckCheck() {}

    /**
     * The budget of the CI tier and of {@code ./sinkcheck stress --mode sanity}. Lincheck instruments every
     * class it loads and replays each interleaving step by step, so each invocation costs milliseconds.
     */
    public static final int CI_ITERATIONS = 5;
    public static final int CI_INVOCATIONS = 200;

    private static final String[] HARNESS = {"org.sinkcheck.stress.Race$Listener", "org.sinkcheck.stress.EndState"};

    /**
     * How long one invocation may take before Lincheck calls it hung. Lincheck's default (10 s) fires on
     * a loaded machine while it is still instrumenting JDK classes inside the first operations; a real
     * hang still fails, only later. (2.39 exposes this setting under its Kotlin-internal name.)
     */
    private static final long INVOCATION_TIMEOUT_MS = 120_000;

    public static void run(int iterations, int invocationsPerIteration) {
        ModelCheckingOptions options = new ModelCheckingOptions()
                .iterations(iterations)
                .invocationsPerIteration(invocationsPerIteration)
                .threads(2)
                .actorsPerThread(2)
                .actorsBefore(1)
                .actorsAfter(0)
                .addGuarantee(forClasses(HARNESS).allMethods().ignore())
                .minimizeFailedScenario(false)
                .invocationTimeout$lincheck(INVOCATION_TIMEOUT_MS)
                .sequentialSpecification(ModelSpecification.class);
        LinChecker.check(SinkOperations.class, options);
    }
}
