package org.sinkcheck.bench.report;

/**
 * Figures worked out by hand from the fixture's JSON (the three-fork quick run of 2026-12-01, the
 * reference sink's cancel of 1 000 000 calls: the medians of each fork's six iterations, 7199.3895,
 * 7353.3185 and 7671.06 µs), so the tests
 * check the parser against the file, not against itself.
 */
final class FixtureValues {
    static final Spread REFERENCE_CANCEL_1M = new Spread(7199.3895, 7353.3185, 7671.06, 3);

    private FixtureValues() {}
}
