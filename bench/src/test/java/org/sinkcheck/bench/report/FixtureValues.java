package org.sinkcheck.bench.report;

/** Medians copied by hand from the fixture JSON (JMH means there: 40151.14 and 11009.36), so the tests check the parser takes the median. */
final class FixtureValues {
    static final double REFERENCE_CANCEL_1M_MEDIAN = 43282.3765;
    static final double LIMIT_CANCEL_1M_MEDIAN = 11980.5035;

    private FixtureValues() {}
}
