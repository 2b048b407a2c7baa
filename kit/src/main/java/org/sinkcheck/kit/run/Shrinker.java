package org.sinkcheck.kit.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.sinkcheck.model.Action;
import org.sinkcheck.model.Model;
import org.sinkcheck.model.ModelState;

/**
 * Delta debugging (Zeller's ddmin) over a failing action list: the smallest sublist, in order, that
 * the model still enables step by step and that still fails the same way. Sublists the model does not
 * enable (a signal of a call whose begin was removed) count as "does not fail", which is what keeps
 * every shrunk counterexample a real behaviour of the spec. The result is 1-minimal: removing any one
 * action makes it pass or leaves the spec.
 */
final class Shrinker {
    /**
     * Where a shrink's progress goes: {@code out} hears a line about {@code what} is being shrunk at most once
     * per {@code every} of {@code clock} (nanoseconds), and only once a shrink has run that long.
     */
    record Progress(Consumer<String> out, String what, LongSupplier clock, Duration every) {
        static final Progress SILENT = new Progress(line -> {}, "", System::nanoTime, Duration.ofDays(365));
    }

    private final Model model;
    private final Predicate<List<Action>> fails;
    private final Map<List<Action>, Boolean> seen = new HashMap<>();
    private final int budget;
    private final Progress progress;
    private List<Action> current;
    private int original;
    private long started;
    private long reported;

    /**
     * @param fails    whether a model-valid action list still shows the failure being shrunk
     * @param budget   the most replays to spend; the best list found so far is kept when it runs out
     * @param progress where a long shrink reports how far it got
     */
    Shrinker(Model model, Predicate<List<Action>> fails, int budget, Progress progress) {
        this.model = model;
        this.fails = fails;
        this.budget = budget;
        this.progress = progress;
    }

    Shrinker(Model model, Predicate<List<Action>> fails, int budget) {
        this(model, fails, budget, Progress.SILENT);
    }

    List<Action> shrink(List<Action> failing) {
        current = List.copyOf(failing);
        original = current.size();
        started = progress.clock().getAsLong();
        reported = started;
        int granularity = 2;
        while (current.size() >= 2 && seen.size() < budget) {
            List<List<Action>> chunks = split(current, granularity);
            List<Action> smaller = null;
            for (List<Action> chunk : chunks) {
                if (test(chunk)) {
                    smaller = chunk;
                    granularity = 2;
                    break;
                }
            }
            if (smaller == null) {
                for (int i = 0; i < chunks.size() && smaller == null; i++) {
                    List<Action> complement = new ArrayList<>();
                    for (int j = 0; j < chunks.size(); j++) if (j != i) complement.addAll(chunks.get(j));
                    if (test(complement)) {
                        smaller = complement;
                        granularity = Math.max(granularity - 1, 2);
                    }
                }
            }
            if (smaller != null) {
                current = smaller;
            } else if (granularity >= current.size()) {
                break;
            } else {
                granularity = Math.min(granularity * 2, current.size());
            }
        }
        return current;
    }

    private boolean test(List<Action> candidate) {
        boolean failsToo = seen.computeIfAbsent(List.copyOf(candidate), c -> enabledThroughout(c) && fails.test(c));
        report(failsToo ? candidate.size() : current.size());
        return failsToo;
    }

    /** Says where the shrink is, if it has run for a reporting interval since it started or last said so. */
    private void report(int shortest) {
        long now = progress.clock().getAsLong();
        if (now - reported < progress.every().toNanos()) return;
        reported = now;
        progress.out().accept(String.format(Locale.ROOT, "shrinking %s: %d of %d actions left after %d of at most %d replays (%d s)",
                progress.what(), shortest, original, seen.size(), budget, Duration.ofNanos(now - started).toSeconds()));
    }

    private boolean enabledThroughout(List<Action> actions) {
        ModelState state = model.initial();
        for (Action action : actions) {
            if (!model.isEnabled(state, action)) return false;
            state = model.apply(state, action);
        }
        return true;
    }

    private static List<List<Action>> split(List<Action> list, int parts) {
        List<List<Action>> chunks = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < parts; i++) {
            int end = start + (list.size() - start) / (parts - i);
            if (end > start) chunks.add(list.subList(start, end));
            start = end;
        }
        return chunks;
    }
}
