package org.sinkcheck.reliability;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.sinkcheck.model.Violation;
import org.sinkcheck.rules.Rule;

/**
 * Thread-safe collector of the rule violations a run observes: a count per rule, and the first few
 * violations in full so that a person can read what went wrong. Counting never blocks the threads that
 * report, so a broken sink that violates a rule millions of times does not also slow the soak down.
 */
public final class ViolationLog {
    /** How many violations are kept verbatim; the rest are only counted. */
    static final int KEPT = 20;

    private final Map<Rule, LongAdder> counts = new ConcurrentHashMap<>();
    private final List<Violation> first = Collections.synchronizedList(new ArrayList<>());

    public void report(Violation violation) {
        counts.computeIfAbsent(violation.rule(), r -> new LongAdder()).increment();
        if (first.size() < KEPT) {
            synchronized (first) {
                if (first.size() < KEPT) first.add(violation);
            }
        }
    }

    public void reportAll(List<Violation> violations) {
        for (Violation v : violations) report(v);
    }

    public long total() {
        long n = 0;
        for (LongAdder a : counts.values()) n += a.sum();
        return n;
    }

    /** Violations per rule, in rule order; rules never violated are absent. */
    public Map<Rule, Long> byRule() {
        Map<Rule, Long> out = new EnumMap<>(Rule.class);
        counts.forEach((rule, n) -> out.put(rule, n.sum()));
        return out;
    }

    /** The first violations seen, in the order they were reported. */
    public List<Violation> firstSeen() {
        synchronized (first) {
            return List.copyOf(first);
        }
    }
}
