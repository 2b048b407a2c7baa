package org.sinkcheck.gate.report;

import org.sinkcheck.kit.run.Verdict;
import org.sinkcheck.rules.Rule;

/**
 * What one engine ({@code source}: the TLC model check, the conformance suite, the stress tier) found about
 * one rule: its verdict and the evidence a person reads — counts for a pass, the reason for NOT APPLICABLE,
 * the numbered counterexample or forbidden outcome for a failure.
 */
public record Finding(Rule rule, Verdict verdict, String source, String evidence) {}
