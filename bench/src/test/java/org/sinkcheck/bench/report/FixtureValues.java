package org.sinkcheck.bench.report;

/**
 * Medians copied by hand from the fixture JSON (the quick run of bench/results/latest), so the tests
 * check the parser against the file. JMH's means there differ (10461.20 and 12421.57): the parser must
 * take the median.
 */
final class FixtureValues {
    static final double REFERENCE_CANCEL_1M_MEDIAN = 6358.643;
    static final double LIMIT_CANCEL_1M_MEDIAN = 13319.841;

    private FixtureValues() {}
}
