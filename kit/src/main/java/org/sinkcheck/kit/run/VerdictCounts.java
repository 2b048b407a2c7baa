package org.sinkcheck.kit.run;

import com.google.gson.JsonObject;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import org.sinkcheck.rules.Rule;

/**
 * How every report counts its rules — the kit's table and JSON, the gate's summary line, JSON summary and
 * JUnit XML — so that none counts a {@value Verdict#PASS_PLUS} as a PASS or the other way round: each rule
 * of the catalogue is counted once, by its verdict, PASS+ apart from PASS.
 */
public record VerdictCounts(int rules, int pass, int passPlus, int fail, int notApplicable, int stressTier, int untested,
                            int notPromised, int waived) {

    /** What a PASS+ means, as the reports print it under their tables. */
    public static final String PASS_PLUS_MEANS = Verdict.PASS_PLUS
            + " = the sequential part held; its concurrent part is the stress tier's and was not decided in this run";

    /** Counts every rule by {@code verdict}, a PASS whose {@code concurrentPartUndecided} holds as PASS+. */
    public static VerdictCounts of(Function<Rule, Verdict> verdict, Predicate<Rule> concurrentPartUndecided) {
        int[] n = new int[Verdict.values().length];
        int passPlus = 0;
        for (Rule rule : Rule.values()) {
            Verdict v = verdict.apply(rule);
            if (v == Verdict.PASS && concurrentPartUndecided.test(rule)) {
                passPlus++;
            } else {
                n[v.ordinal()]++;
            }
        }
        return new VerdictCounts(Rule.values().length, n[Verdict.PASS.ordinal()], passPlus, n[Verdict.FAIL.ordinal()],
                n[Verdict.NOT_APPLICABLE.ordinal()], n[Verdict.STRESS_TIER.ordinal()], n[Verdict.UNTESTED.ordinal()],
                n[Verdict.NOT_PROMISED.ordinal()], n[Verdict.WAIVED.ordinal()]);
    }

    /**
     * {@code 16 rules, 9 pass, 6 pass+, 0 fail, 0 not applicable, 1 left to the stress tier, 0 untested},
     * then {@code , 1 not promised} and {@code , 1 waived} when there are any.
     */
    public String line() {
        return String.format(Locale.ROOT, "%d rules, %d pass, %d pass+, %d fail, %d not applicable, %d left to the stress tier, %d untested",
                rules, pass, passPlus, fail, notApplicable, stressTier, untested)
                + (notPromised > 0 ? ", " + notPromised + " not promised" : "") + (waived > 0 ? ", " + waived + " waived" : "");
    }

    /** The same counts as JSON, one property per verdict. */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("rules", rules);
        o.addProperty("pass", pass);
        o.addProperty("passPlus", passPlus);
        o.addProperty("fail", fail);
        o.addProperty("notApplicable", notApplicable);
        o.addProperty("stressTier", stressTier);
        o.addProperty("untested", untested);
        o.addProperty("notPromised", notPromised);
        o.addProperty("waived", waived);
        return o;
    }
}
