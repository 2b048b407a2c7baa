package org.sinkcheck.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sinkcheck.bench.report.Target.Verdict;

/** A verdict is taken on the whole spread: each verdict shown reached, and refused when the spread cannot carry it. */
class TargetTest {
    private static Verdict atMost(double min, double median, double max, int forks) {
        return Target.atMost("goal", new Spread(min, median, max, forks), 1.3, "compared", null).verdict();
    }

    private static Verdict atLeast(double min, double median, double max, int forks) {
        return Target.atLeast("goal", new Spread(min, median, max, forks), 0.9, "compared", null).verdict();
    }

    @Test
    void at_most_is_met_only_when_the_whole_spread_is_at_or_below_the_bound() {
        assertEquals(Verdict.MET, atMost(1.0, 1.1, 1.3, 3));
        assertEquals(Verdict.UNDECIDED, atMost(1.0, 1.1, 1.31, 3), "a median below the bound is not enough");
        assertEquals(Verdict.UNDECIDED, atMost(1.29, 1.5, 1.6, 3), "a median above the bound is not enough either");
        assertEquals(Verdict.MISSED, atMost(1.31, 1.5, 1.6, 3));
    }

    @Test
    void at_least_is_met_only_when_the_whole_spread_is_at_or_above_the_bound() {
        assertEquals(Verdict.MET, atLeast(0.9, 1.0, 1.2, 3));
        assertEquals(Verdict.UNDECIDED, atLeast(0.89, 1.0, 1.2, 3));
        assertEquals(Verdict.MISSED, atLeast(0.5, 0.7, 0.89, 3));
    }

    @Test
    void fewer_than_three_forks_decide_nothing_but_an_exact_figure_does() {
        assertEquals(Verdict.UNDECIDED, atMost(1.0, 1.0, 1.0, 1));
        assertEquals(Verdict.UNDECIDED, atMost(2.0, 2.0, 2.0, 2));
        assertEquals(Verdict.MET, atMost(1.0, 1.0, 1.0, 0));
        assertEquals(Verdict.MISSED, atMost(2.0, 2.0, 2.0, 0));
    }

    @Test
    void the_reason_says_where_the_spread_lies_and_carries_the_caveat() {
        Target undecided = Target.atMost("goal", new Spread(1.2, 1.3, 1.45, 3), 1.3, "compared", "a caveat");
        assertEquals("the spread 1.2–1.45 contains 1.3; a caveat", undecided.reason());
        assertEquals("≤ 1.3", undecided.boundText());
        Target none = Target.atLeast("goal", null, 0.5, "compared", null);
        assertEquals(Verdict.NOT_MEASURED, none.verdict());
        assertTrue(none.reason().contains("no figure"), none.reason());
    }
}
