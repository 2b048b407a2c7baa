package org.sinkcheck.gate.report;

import org.sinkcheck.kit.run.Verdict;
import org.sinkcheck.kit.run.VerdictCounts;
import org.sinkcheck.kit.run.Waivers;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sinkcheck.rules.Rule;

/**
 * The result of one {@code sinkcheck check}: every rule's combined verdict with the findings behind it,
 * the steps that ran, the rules the user waived, and the command that reproduces the run. The console table, the JUnit XML and the
 * JSON summary are three views of this one object, so they cannot disagree.
 *
 * <p>Every rule of {@link Rule} has a line, also when no engine looked at it (then NOT APPLICABLE, with
 * that said), so a report never silently omits a rule.
 */
public final class GateReport {
    private final String sinkName;
    private final String adapterClass;
    private final String reproduce;
    private final Waivers waivers;
    private final List<StepRecord> steps = new ArrayList<>();
    private final Map<Rule, List<Finding>> findings = new EnumMap<>(Rule.class);

    public GateReport(String sinkName, String adapterClass, String reproduce, Waivers waivers) {
        this.sinkName = sinkName;
        this.adapterClass = adapterClass;
        this.reproduce = reproduce;
        this.waivers = waivers;
        for (Rule rule : Rule.values()) findings.put(rule, new ArrayList<>());
    }

    public void add(Finding finding) { findings.get(finding.rule()).add(finding); }

    public void add(StepRecord step) { steps.add(step); }

    public String sinkName() { return sinkName; }

    public String adapterClass() { return adapterClass; }

    /** The exact command that runs this check again, seeds included. */
    public String reproduce() { return reproduce; }

    public List<StepRecord> steps() { return List.copyOf(steps); }

    public List<Finding> findings(Rule rule) { return List.copyOf(findings.get(rule)); }

    /** The findings of every engine, combined. */
    public Verdict verdict(Rule rule) {
        return findings.get(rule).stream().map(Finding::verdict).reduce(Verdicts::combine).orElse(Verdict.NOT_APPLICABLE);
    }

    /**
     * Whether {@code rule} passed on its sequential part only: it has a concurrent part
     * ({@link Rule#concurrentPart()}) and no engine that runs interleavings passed it: printed and counted
     * as {@value Verdict#PASS_PLUS} ({@link Verdict}).
     */
    public boolean passPlus(Rule rule) {
        return verdict(rule) == Verdict.PASS && rule.concurrentPart().isPresent()
                && findings.get(rule).stream().noneMatch(f -> f.verdict() == Verdict.PASS && f.fromInterleavings());
    }

    /** The verdict as every view prints it: {@code PASS+} for {@link #passPlus}. */
    public String label(Rule rule) {
        return verdict(rule).label(passPlus(rule));
    }

    /** Every rule counted by its verdict, PASS+ apart from PASS. */
    public VerdictCounts verdictCounts() {
        return VerdictCounts.of(this::verdict, this::passPlus);
    }

    /**
     * The evidence a person reads for {@code rule}: the failures if any; for a PASS the passes, and for a
     * PASS+ also why its concurrent part is undecided; otherwise everything found.
     */
    public String evidence(Rule rule) {
        List<Finding> all = findings.get(rule);
        if (all.isEmpty()) return "no engine observed this rule";
        Verdict verdict = verdict(rule);
        boolean passPlus = passPlus(rule);
        List<Finding> shown = verdict == Verdict.FAIL || verdict == Verdict.PASS
                ? all.stream().filter(f -> f.verdict() == verdict || (passPlus && f.verdict() == Verdict.STRESS_TIER)).toList()
                : all;
        List<String> parts = new ArrayList<>();
        for (Finding f : shown) parts.add(f.source() + ": " + f.evidence());
        return String.join("\n", parts);
    }

    /** The MUST rules that failed, went untested or are not promised: any of them fails the gate. */
    public List<Rule> violatedRequiredRules() {
        return java.util.Arrays.stream(Rule.values())
                .filter(r -> r.level() == Rule.Level.MUST && verdict(r).failsRequiredRule())
                .toList();
    }

    /** The rules the user waived, and who waived each. */
    public Waivers waivers() { return waivers; }

    /** Every step passed and every required rule holds. */
    public boolean passed() {
        return violatedRequiredRules().isEmpty() && steps.stream().allMatch(StepRecord::passed);
    }

    /** The first step that failed, if any. */
    public Optional<StepRecord> failedStep() {
        return steps.stream().filter(s -> !s.passed()).findFirst();
    }
}
