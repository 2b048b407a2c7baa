package org.sinkcheck.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Spreads over forks, and the ratios and bests formed from them. */
class SpreadTest {

    @Test
    void a_spread_is_the_min_median_and_max_of_the_per_fork_figures() {
        assertEquals(new Spread(1, 2, 3, 3), Spread.of(List.of(3.0, 1.0, 2.0)));
        assertEquals(new Spread(1, 2.5, 4, 4), Spread.of(List.of(4.0, 1.0, 3.0, 2.0)), "an even count: the mean of the middle two");
        assertEquals(new Spread(5, 5, 5, 0), Spread.exact(5));
    }

    @Test
    void a_ratio_pairs_every_fork_with_every_fork() {
        Spread ratio = new Spread(1, 2, 3, 3).over(new Spread(2, 4, 8, 5));
        assertEquals(1.0 / 8, ratio.min(), 1e-12);
        assertEquals(0.5, ratio.median(), 1e-12);
        assertEquals(3.0 / 2, ratio.max(), 1e-12);
        assertEquals(3, ratio.forks(), "as many forks as the thinner side");
        assertEquals(3, new Spread(1, 2, 3, 3).over(Spread.exact(2)).forks(), "an exact figure adds no noise");
    }

    @Test
    void the_best_of_several_takes_each_component_s_best() {
        List<Spread> figures = List.of(new Spread(1, 5, 9, 3), new Spread(2, 3, 4, 3));
        assertEquals(new Spread(1, 3, 4, 3), Spread.best(figures, false));
        assertEquals(new Spread(2, 5, 9, 3), Spread.best(figures, true));
    }

    @Test
    void a_batch_rate_times_k_is_a_rate_of_objects() {
        assertEquals(new Spread(16, 32, 48, 3), new Spread(1, 2, 3, 3).times(16));
    }

    @Test
    void nonsense_is_refused_with_a_reason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Spread(2, 1, 3, 3));
        assertTrue(e.getMessage().contains("min ≤ median ≤ max"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Spread.of(List.of()));
        assertThrows(IllegalArgumentException.class, () -> Spread.best(List.of(), true));
    }
}
