package org.sinkcheck.mutants;

import java.util.List;
import org.sinkcheck.rules.Rule;
import org.sinkcheck.sink.Sink;

/**
 * The catalogue of mutants: each a {@link BaseSink} or a {@link ControlSink} design broken in one place, named after the rule it
 * breaks. The kill test, the stress tier and the gate all read this list, so a new mutant is added here
 * once.
 */
public final class Mutants {
    private Mutants() {}

    /** One mutant: its class, the rule it breaks, and whether only concurrency exposes it. */
    public record Mutant(Class<? extends Sink<Object>> type) {
        /** The rule its name starts with: {@code SC06_…} breaks SC-06. */
        public Rule rule() { return Rule.valueOf(type.getSimpleName().substring(0, 4)); }

        public String name() { return type.getSimpleName(); }

        /** What it gets wrong, in one line. */
        public String pattern() { return type.getAnnotation(BugPattern.class).value(); }

        /** A peer library's real bug with the same pattern, or empty. */
        public String seenIn() { return type.getAnnotation(BugPattern.class).seenIn(); }

        public boolean concurrencyOnly() { return type.isAnnotationPresent(ConcurrencyOnly.class); }

        /** The name to pass to {@code Adapters.load} or {@code ./sinkcheck check --sink}. */
        public String adapterClassName() { return type.getName() + "$Adapter"; }
    }

    public static final List<Mutant> ALL = List.of(
            new Mutant(SC01_CancelEndsOnlyOldestCall.class),
            new Mutant(SC02_StaticRegistryCancelsNeighbours.class),
            new Mutant(SC02_StaticListenerSlot.class),
            new Mutant(SC02_FourListenerSlots.class),
            new Mutant(SC02_CancelSpreadsThroughASharedListener.class),
            new Mutant(SC03_ErrorThenCompleted.class),
            new Mutant(SC04_ProgressAfterCancel.class),
            new Mutant(SC04_CancelReturnsBeforeItsSweep.class),
            new Mutant(SC05_CompleteOverridesCancel.class),
            new Mutant(SC05_CompleteDecidedAfterItsCallback.class),
            new Mutant(SC05_CompleteRacingCancelBothFinal.class),
            new Mutant(SC06_BeginRacingCancelLosesCall.class),
            new Mutant(SC06_FirstObjectUnlinksCall.class),
            new Mutant(SC06_RegistryGrowthDropsACall.class),
            new Mutant(SC06_CallsKeyedByTheirContext.class),
            new Mutant(SC06_CallsKeyedByIdentityOfContext.class),
            new Mutant(SC06_SecondBeginDuringCloseLost.class),
            new Mutant(SC07_IdleCancelThrows.class),
            new Mutant(SC07_RepeatCancelResendsFinals.class),
            new Mutant(SC08_CancelledSinkStaysCancelled.class),
            new Mutant(SC09_CallbacksOfOneCallOverlap.class),
            new Mutant(SC09_FinalCarriesNewestContext.class),
            new Mutant(SC10_LazyCancelStrandsSubscriptions.class),
            new Mutant(SC10_SubscriptionsOutsideTheSweep.class),
            new Mutant(SC11_CancelBlocksOnSlowListener.class),
            new Mutant(SC12_ProviderNeverTold.class),
            new Mutant(SC13_FinishedCallsRetained.class),
            new Mutant(SC13_FinishedContextsKeptInASideMap.class),
            new Mutant(SC13_FreedOnlyOnTheThreadThatBegan.class),
            new Mutant(SC14_ForeignHandleAccepted.class),
            new Mutant(SC14_ForgedHandleAccepted.class),
            new Mutant(SC15_ListenerErrorSwallowed.class),
            new Mutant(SC15_ThrowingListenerStopsSweep.class),
            new Mutant(SC15_ProgressErrorsIgnored.class),
            new Mutant(SC16_CancelInCallbackIgnored.class));

    /** The mutants one action at a time can expose: the conformance kit must catch each. */
    public static List<Mutant> sequential() {
        return ALL.stream().filter(m -> !m.concurrencyOnly()).toList();
    }

    /** The mutants only the stress tier can expose. */
    public static List<Mutant> concurrencyOnly() {
        return ALL.stream().filter(Mutant::concurrencyOnly).toList();
    }
}
