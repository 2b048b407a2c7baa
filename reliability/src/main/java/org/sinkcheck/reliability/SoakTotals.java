package org.sinkcheck.reliability;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.sinkcheck.model.Violation;
import org.sinkcheck.rules.Rule;

/**
 * What one soak run did and found.
 *
 * @param adapter             the adapter's name
 * @param ran                 wall time, drain included
 * @param calls               calls begun
 * @param events              callbacks the listeners heard
 * @param cancels             {@code cancel()} calls, storms and cancels from inside callbacks included
 * @param storms              cancel storms (every worker cancelling one sink at once)
 * @param refusedSignals      provider signals the sinks refused (the call had been cancelled)
 * @param hostileProbes       foreign, forged and stale handles presented (SC-14)
 * @param listenerFaults      exceptions the listeners threw (SC-15)
 * @param cancelChecks        cancel returns checked for SC-01
 * @param cancelChecksSkipped cancel returns not checked, because another cancel of the sink overlapped
 * @param violations          rule violations in total
 * @param violationsByRule    rule violations per rule
 * @param firstViolations     the first violations, in full
 * @param peakHeapBytes       the most heap in use, sampled every 200 ms
 * @param tracedEvents        events of the trace written ({@link SoakTrace}); 0 when the run was not recorded
 * @param quietPoints         quiet points in that trace, the drain's included
 */
public record SoakTotals(String adapter, Duration ran, int threads, int sinks, long calls, long events, long cancels,
                         long storms, long refusedSignals, long hostileProbes, long listenerFaults, long cancelChecks,
                         long cancelChecksSkipped, long violations, Map<Rule, Long> violationsByRule,
                         List<Violation> firstViolations, long peakHeapBytes,
                         long tracedEvents, long quietPoints) {

    public SoakTotals {
        violationsByRule = Map.copyOf(violationsByRule);
        firstViolations = List.copyOf(firstViolations);
    }

    /** Violations per rule as {@code SC-01=3, SC-04=1}, or {@code none}. */
    public String violationsLine() {
        if (violationsByRule.isEmpty()) return "none";
        return violationsByRule.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey().id() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    /** The totals a person reads at the end of a run, then the first violations numbered. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("soak %s: %d s, %d threads, %d sinks%n", adapter, ran.toSeconds(), threads, sinks));
        sb.append(String.format("  calls %,d  events %,d  cancels %,d (%d storms)  refused signals %,d%n", calls, events, cancels, storms, refusedSignals));
        sb.append(String.format("  hostile handles %,d  listener throws %,d  cancel returns checked %,d (skipped, overlapping: %,d)%n",
                hostileProbes, listenerFaults, cancelChecks, cancelChecksSkipped));
        sb.append(String.format("  violations %,d: %s  peak heap %,d MiB%n", violations, violationsLine(), peakHeapBytes >> 20));
        if (tracedEvents > 0) sb.append(String.format("  recorded: %,d events, %,d quiet points%n", tracedEvents, quietPoints));
        for (int i = 0; i < firstViolations.size(); i++) {
            sb.append(String.format("  %d. %s%n", i + 1, firstViolations.get(i)));
        }
        return sb.toString();
    }
}
