package org.sinkcheck.bench.report;

/**
 * Medians copied by hand from the fixture JSON (the quick run of bench/results/latest), so the tests
 * check the parser against the file. JMH's means there differ (6782.40 and 5084.08): the parser must
 * take the median.
 */
final class FixtureValues {
    static final double REFERENCE_CANCEL_1M_MEDIAN = 6926.989;
    static final double LIMIT_CANCEL_1M_MEDIAN = 4921.6775;

    private FixtureValues() {}
}
