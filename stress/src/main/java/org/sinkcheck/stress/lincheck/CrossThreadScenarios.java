package org.sinkcheck.stress.lincheck;

import java.util.Arrays;
import java.util.List;
import org.jetbrains.kotlinx.lincheck.Actor;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;

/**
 * Issue 14's cross-thread shape for Lincheck: scenarios of {@link SinkOperations} in which every call is
 * begun on thread 0 (the initial part runs there too) and signalled (object, progress, complete, fail)
 * from thread 1, while thread 2 cancels; then the end state is graded. Written out rather than
 * generated: generated scenarios (the WIP's three threads of random operations) rarely had the shape at
 * all: a begin on one thread, a final of <em>that</em> call from another, and no cancel of its sink after
 * it. The last matters because the end state is judged once, at the end: a cancel of the sink after the
 * cross-thread final sweeps the registry and erases what a sink wrongly kept (SC-13). So every scenario
 * has a call begun on thread 0 and signalled to its final on thread 1, and each kind of racing cancel:
 *
 * <ol>
 *   <li>{@link #endedOnAnotherThreadWhileTheOtherSinkIsCancelled}: calls 0 and 1 of A begun first, then
 *       object + complete of 0 and fail of 1 from the provider, while the caller begins 2 on B and B is
 *       cancelled: A's calls ended on another thread must leave A (SC-13), B's cancel touches none (SC-02);
 *   <li>{@link #signalledOnAnotherThreadWhileItsSinkIsCancelled}: call 0 of A begun first; progress of 0, object
 *       and complete of 1 from the provider while the caller begins 1 on A and 2 on B and A is cancelled
 *       (SC-01, SC-04, SC-05, SC-06 across threads);
 *   <li>{@link #endedOnAnotherThreadWhileItsBeginnerBeginsAgain}: the caller begins 0 and 1 on A while the
 *       provider completes 0 and signals 1 as soon as they are visible, and B is cancelled: a slot freed
 *       from another thread while its owner claims the next (jcstress's {@code SC13_EndOnAnotherThreadVsBegin}).
 * </ol>
 */
final class CrossThreadScenarios {
    private static final int A = 0;
    private static final int B = 1;

    private CrossThreadScenarios() {}

    static List<ExecutionScenario> all() {
        return List.of(endedOnAnotherThreadWhileTheOtherSinkIsCancelled(), signalledOnAnotherThreadWhileItsSinkIsCancelled(),
                endedOnAnotherThreadWhileItsBeginnerBeginsAgain());
    }

    static ExecutionScenario endedOnAnotherThreadWhileTheOtherSinkIsCancelled() {
        return scenario(List.of(actor("begin", A), actor("begin", A)),
                List.of(actor("begin", B)),
                List.of(actor("deliver", 0), actor("complete", 0), actor("fail", 1)),
                List.of(actor("cancel", B)));
    }

    static ExecutionScenario signalledOnAnotherThreadWhileItsSinkIsCancelled() {
        return scenario(List.of(actor("begin", A)),
                List.of(actor("begin", A), actor("begin", B)),
                List.of(actor("progress", 0), actor("deliver", 1), actor("complete", 1)),
                List.of(actor("cancel", A)));
    }

    static ExecutionScenario endedOnAnotherThreadWhileItsBeginnerBeginsAgain() {
        return scenario(List.of(),
                List.of(actor("begin", A), actor("begin", A)),
                List.of(actor("complete", 0), actor("deliver", 1), actor("complete", 1)),
                List.of(actor("cancel", B)));
    }

    /**
     * Thread 0 the caller (the initial part runs there too), thread 1 the provider, thread 2 the canceller;
     * then the end state is graded. A written-out scenario carries its validation function itself: without
     * it Lincheck validates nothing, and only the answers are checked against the model (one of the two
     * reasons the WIP's SC-13 fixture passed: its answers are all correct).
     */
    private static ExecutionScenario scenario(List<Actor> before, List<Actor> caller, List<Actor> provider, List<Actor> canceller) {
        return new ExecutionScenario(before, List.of(caller, provider, canceller), List.of(), validation(SinkOperations.class));
    }

    /** The scenario class's {@code @Validate} method as the actor Lincheck runs after the scenario. */
    static Actor validation(Class<?> scenarios) {
        for (java.lang.reflect.Method m : scenarios.getMethods()) {
            if (m.isAnnotationPresent(org.jetbrains.kotlinx.lincheck.annotations.Validate.class)) return new Actor(m, List.of());
        }
        throw new IllegalStateException(scenarios.getName() + " has no @Validate method");
    }

    private static Actor actor(String operation, Integer... arguments) {
        Class<?>[] types = new Class<?>[arguments.length];
        Arrays.fill(types, int.class);
        try {
            return new Actor(SinkOperations.class.getMethod(operation, types), List.of(arguments));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("SinkOperations has no operation " + operation, e);
        }
    }
}
