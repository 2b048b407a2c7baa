package org.sinkcheck.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/** Segments grouped, in order, into batches of at most a given size (one TLC run each); a segment larger than that is a batch alone. */
public final class Batches {
    private Batches() {}

    public static <T> List<List<T>> of(List<T> segments, ToIntFunction<T> size, int limit) {
        List<List<T>> batches = new ArrayList<>();
        List<T> current = new ArrayList<>();
        int total = 0;
        for (T s : segments) {
            if (!current.isEmpty() && total + size.applyAsInt(s) > limit) {
                batches.add(current);
                current = new ArrayList<>();
                total = 0;
            }
            current.add(s);
            total += size.applyAsInt(s);
        }
        if (!current.isEmpty()) batches.add(current);
        return batches;
    }
}
