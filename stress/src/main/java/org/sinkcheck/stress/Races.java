package org.sinkcheck.stress;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.Outcome;
import org.sinkcheck.kit.Capability;
import org.sinkcheck.rules.Rule;
import org.sinkcheck.stress.races.SC02_CancelAVsBeginOnB;
import org.sinkcheck.stress.races.SC02_CancelAVsCompleteOnB;
import org.sinkcheck.stress.races.SC02_CancelAVsDeliverOnB;
import org.sinkcheck.stress.races.SC04_BatchVsCancel;
import org.sinkcheck.stress.races.SC04_DeliverVsCancel;
import org.sinkcheck.stress.races.SC04_EventLoopSignalsVsCancel;
import org.sinkcheck.stress.races.SC04_ProgressVsCancel;
import org.sinkcheck.stress.races.SC05_CompleteVsCancel;
import org.sinkcheck.stress.races.SC05_FailVsCancel;
import org.sinkcheck.stress.races.SC06_BeginVsBeginVsCancel;
import org.sinkcheck.stress.races.SC06_BeginVsCancel;
import org.sinkcheck.stress.races.SC07_CancelVsCancel;
import org.sinkcheck.stress.races.SC09_DeliverVsDeliver;
import org.sinkcheck.stress.races.SC11_CancelVsRunningListener;
import org.sinkcheck.stress.races.SC13_EndOnAnotherThreadVsBegin;
import org.sinkcheck.stress.races.SC16_CancelInCallbackVsDeliver;

/**
 * The catalogue of races: every jcstress test in {@code org.sinkcheck.stress.races}, with what it needs
 * to run. {@link StressRunner} selects from it; {@code RacesCatalogueTest} keeps it equal to the tests
 * jcstress's annotation processor found, so a new race cannot be forgotten here.
 */
public final class Races {
    private Races() {}

    public static final List<Class<?>> ALL = List.of(
            SC02_CancelAVsBeginOnB.class,
            SC02_CancelAVsCompleteOnB.class,
            SC02_CancelAVsDeliverOnB.class,
            SC04_BatchVsCancel.class,
            SC04_DeliverVsCancel.class,
            SC04_EventLoopSignalsVsCancel.class,
            SC04_ProgressVsCancel.class,
            SC05_CompleteVsCancel.class,
            SC05_FailVsCancel.class,
            SC06_BeginVsBeginVsCancel.class,
            SC06_BeginVsCancel.class,
            SC07_CancelVsCancel.class,
            SC09_DeliverVsDeliver.class,
            SC11_CancelVsRunningListener.class,
            SC13_EndOnAnotherThreadVsBegin.class,
            SC16_CancelInCallbackVsDeliver.class);

    /**
     * The races that Lincheck's model checking plays where jcstress cannot (more actors than CPUs), on the
     * same stage and graded by the same arbiter ({@code org.sinkcheck.stress.lincheck.LincheckCheck}):
     * {@code LincheckMain <race's simple name> <interleavings>} runs one.
     */
    public static final Set<Class<?>> MODEL_CHECKED = Set.of(SC06_BeginVsBeginVsCancel.class);

    /** How many threads the race runs at once: jcstress runs it only on a machine with that many CPUs. */
    public static int actors(Class<?> race) {
        return (int) Arrays.stream(race.getMethods()).filter(m -> m.isAnnotationPresent(Actor.class)).count();
    }

    /**
     * The rules {@code race} decides: those it has a FORBIDDEN {@code SC-nn:.*} outcome for. Its outcome
     * table is the one place that says what a race can catch, so coverage cannot drift from it.
     */
    public static Set<Rule> covers(Class<?> race) {
        Set<Rule> rules = EnumSet.noneOf(Rule.class);
        for (Outcome outcome : race.getAnnotationsByType(Outcome.class)) {
            if (outcome.expect() != Expect.FORBIDDEN) continue;
            for (String id : outcome.id()) {
                Matcher rule = RULE_OUTCOME.matcher(id);
                if (rule.matches()) rules.add(Rule.ofId(rule.group(1)));
            }
        }
        return rules;
    }

    private static final Pattern RULE_OUTCOME = Pattern.compile("(SC-\\d\\d):\\.\\*");

    /** The races that cover {@code rule} ({@link #covers}). */
    public static List<Class<?>> covering(Rule rule) {
        return ALL.stream().filter(race -> covers(race).contains(rule)).toList();
    }

    /** The capabilities the race needs: always {@link Capability#THREAD_SAFE}, plus its {@link RequiresCapability}. */
    public static Set<Capability> requires(Class<?> race) {
        Set<Capability> needed = EnumSet.of(Capability.THREAD_SAFE);
        RequiresCapability extra = race.getAnnotation(RequiresCapability.class);
        if (extra != null) needed.addAll(Arrays.asList(extra.value()));
        return needed;
    }
}
