package org.sinkcheck.stress.lincheck;

import static org.jetbrains.kotlinx.lincheck.strategy.managed.ManagedStrategyGuaranteeKt.forClasses;

import java.util.List;
import org.jetbrains.kotlinx.lincheck.Actor;
import org.jetbrains.kotlinx.lincheck.LinChecker;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.kotlinx.lincheck.strategy.managed.modelchecking.ModelCheckingOptions;
import org.sinkcheck.kit.trace.TraceEvent;
import org.sinkcheck.kit.trace.TraceRecorder;
import org.sinkcheck.kit.trace.TraceSamples;

/**
 * Lincheck's model-checking runs, with the executable model as the sequential specification; each
 * throws Lincheck's {@code LincheckAssertionError}, whose message is the failing scenario and the
 * interleaving that breaks it.
 *
 * <ul>
 *   <li>{@link #run}: scenarios Lincheck generates over {@link SinkOperations}: two threads (the
 *       provider, and a client that cancels), two operations each, one before; the budget is iterations ×
 *       invocations. Failing scenarios are already small, so Lincheck does not spend time minimising them.
 *       Then the written-out cross-thread scenarios ({@link CrossThreadScenarios}): calls begun on one
 *       thread and signalled from another, a cancel racing; {@link #crossThread} plays only those.
 *   <li>{@link #beginVsBeginVsCancel}: the one scenario of the three-actor race ({@link BeginVsBeginVsCancel}),
 *       whose interleavings model checking explores whatever the number of CPUs.
 * </ul>
 *
 * The recording listener and the end-state grading are the harness, not the sink: Lincheck ignores them,
 * so that every interleaving it tries differs in the sink's own steps.
 */
public final class LincheckCheck {
    private LincheckCheck() {}

    /**
     * The budget of the CI tier and of {@code ./sinkcheck stress --mode sanity}. Lincheck instruments every
     * class it loads and replays each interleaving step by step, so each invocation costs milliseconds.
     */
    public static final int CI_ITERATIONS = 5;
    public static final int CI_INVOCATIONS = 200;

    private static final String[] HARNESS = {"org.sinkcheck.stress.Race$Listener", "org.sinkcheck.stress.EndState", Stages.class.getName(),
            "org.sinkcheck.stress.RaceTraces", "org.sinkcheck.stress.RaceTraces$Sample", "org.sinkcheck.stress.RaceTraces$PerRace",
            TraceRecorder.class.getName(), "org.sinkcheck.kit.trace.TraceRecorder$Buffer", TraceEvent.class.getName(),
            TraceSamples.class.getName(), "org.sinkcheck.kit.trace.TracingAdapter$Traced", "org.sinkcheck.kit.trace.TraceRecorder$Identity"};

    /**
     * How long one invocation may take before Lincheck calls it hung. Lincheck's default (10 s) fires on
     * a loaded machine while it is still instrumenting JDK classes inside the first operations; a real
     * hang still fails, only later. (2.39 exposes this setting under its Kotlin-internal name.)
     */
    private static final long INVOCATION_TIMEOUT_MS = 120_000;

    public static void run(int iterations, int invocationsPerIteration) {
        ModelCheckingOptions options = options(invocationsPerIteration)
                .iterations(iterations)
                .threads(2)
                .actorsPerThread(2)
                .actorsBefore(1)
                .actorsAfter(0)
                .minimizeFailedScenario(false);
        CrossThreadScenarios.all().forEach(options::addCustomScenario);
        check(SinkOperations.class, options);
    }

    /**
     * One Lincheck check of {@code scenarios}; however it ends, the sinks of every race its scenario
     * instances staged and nobody graded are disposed of then ({@link Stages}).
     */
    static void check(Class<?> scenarios, ModelCheckingOptions options) {
        try {
            LinChecker.check(scenarios, options);
        } finally {
            Stages.disposeUngraded();
        }
    }

    /**
     * Only the cross-thread scenarios ({@link CrossThreadScenarios}), up to {@code invocations} interleavings
     * each, on {@code scenarios}: {@link SinkOperations} or a subclass of it naming another sink.
     */
    public static void crossThread(Class<? extends SinkOperations> scenarios, int invocations) {
        ModelCheckingOptions options = options(invocations).iterations(0);
        CrossThreadScenarios.all().forEach(options::addCustomScenario);
        check(scenarios, options);
    }

    /**
     * The three-actor race under model checking, up to {@code invocations} interleavings: a1 begun before
     * it; begin a2 ‖ begin a3 ‖ cancel A; then an object offered to each call, which only a live call
     * accepts.
     */
    public static void beginVsBeginVsCancel(int invocations) {
        check(BeginVsBeginVsCancel.class, options(invocations)
                .iterations(0)
                .addCustomScenario(beginVsBeginVsCancelScenario()));
    }

    static ExecutionScenario beginVsBeginVsCancelScenario() {
        int a = BeginVsBeginVsCancel.A;
        return new ExecutionScenario(
                List.of(actor("begin", a, 0)),
                List.of(List.of(actor("cancel", a)), List.of(actor("begin", a, 1)), List.of(actor("begin", a, 2))),
                List.of(actor("deliver", 0), actor("deliver", 1), actor("deliver", 2)),
                CrossThreadScenarios.validation(BeginVsBeginVsCancel.class));
    }

    private static Actor actor(String operation, Integer... arguments) {
        Class<?>[] types = new Class<?>[arguments.length];
        java.util.Arrays.fill(types, int.class);
        try {
            return new Actor(BeginVsBeginVsCancel.class.getMethod(operation, types), List.of(arguments));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("BeginVsBeginVsCancel has no operation " + operation, e);
        }
    }

    private static ModelCheckingOptions options(int invocationsPerIteration) {
        return new ModelCheckingOptions()
                .invocationsPerIteration(invocationsPerIteration)
                .addGuarantee(forClasses(HARNESS).allMethods().ignore())
                .invocationTimeout$lincheck(INVOCATION_TIMEOUT_MS)
                .sequentialSpecification(ModelSpecification.class);
    }
}
