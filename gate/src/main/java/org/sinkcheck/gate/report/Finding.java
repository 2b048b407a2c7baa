package org.sinkcheck.gate.report;

import org.sinkcheck.kit.run.Verdict;
import org.sinkcheck.rules.Rule;

/**
 * What one engine ({@code source}: the TLC model check, the conformance suite, the stress tier) found about
 * one rule: its verdict and the evidence a person reads — counts for a pass, the reason for NOT APPLICABLE,
 * the numbered counterexample or forbidden outcome for a failure.
 */
public record Finding(Rule rule, Verdict verdict, String source, String evidence) {
    /** The source of the stress tier's findings, and the start of its tools' ({@code stress (jcstress)}). */
    public static final String STRESS = "stress";

    /** Whether an engine that runs interleavings found it: only such a finding decides a rule's concurrent part. */
    public boolean fromInterleavings() { return source.startsWith(STRESS); }
}
