package org.sinkcheck.kit;

import java.util.List;
import java.util.Set;

/**
 * What a library author writes to run the kit on their sink: the kit's abstract actions (the actions of
 * CancelAll.tla) mapped onto the author's API. One adapter instance may create many sinks; it must not
 * share state between them. Signals return whether the sink <em>accepted</em> them (the callback ran
 * or will run); an author's sink that throws on a refused signal is mapped to {@code false} here. A
 * library whose API does not say at return whether it accepted a signal lets the kit observe it
 * instead ({@link #observesAcceptance()}).
 *
 * <p>Lifecycle: every sink the kit makes with {@link #newSink} it hands back to {@link #dispose} exactly
 * once, when it is done with it (a replayed path, a walk, a shrink attempt, a race, a soak, a trace
 * ended), whether the sink held or failed or threw; after that the kit keeps no reference to it.
 *
 * @param <S> the author's sink type
 * @param <H> the author's call handle type
 */
public interface SinkAdapter<S, H> {

    /**
     * The name reports show. By default the class's simple name; for a nested class named {@code Adapter}
     * (an {@code X$Adapter}) or an anonymous class, the enclosing class's: an adapter is named after what it adapts.
     */
    default String name() { return Adapters.defaultName(getClass()); }

    /**
     * What the sink can do, what this adapter can observe, and what the sink promises ({@link Capability.Kind}).
     * Rules needing anything missing are not checked, with the reason; a missing promise fails the gate.
     */
    Set<Capability> capabilities();

    /**
     * A new sink whose listener forwards every callback to {@code events}. The kit passes the same
     * {@code events} to several sinks when it plays sinks that share one listener: give them one listener
     * object then, as an application that hands one callback to several sinks would.
     */
    S newSink(Events events);

    /**
     * The kit is done with {@code sink}: release what it holds (connections, threads, a client, a
     * materialized stream). Called exactly once per sink {@link #newSink} made, after the last action and
     * the last {@link #settle} on it, also when the sink failed a rule or threw; the kit never touches the
     * sink again. The default does nothing, which suits a sink that is only memory. A {@code dispose} that
     * throws is reported in one line naming the adapter, after the verdicts, and changes none of them.
     */
    default void dispose(S sink) {}

    /** Begins a call on {@code sink} carrying {@code context}. */
    H begin(S sink, Object context);

    /**
     * Begins an <em>endless</em> call on {@code sink} carrying {@code context}: a subscription, which no
     * provider ever completes or fails and only {@code cancel} ends (CancelAll.tla's {@code Endless},
     * SC-10). The kit, the stress tier and the soak begin every call the model makes endless through
     * here, and only those. The default is {@link #begin}: a sink without a subscription entry of its own
     * gets the same calls, simply never ended by their providers. A sink whose subscriptions enter
     * through another method ({@code subscribe(...)}, a listener registration, a watch) maps that method
     * here, so SC-10 is checked on the path its subscriptions really take.
     */
    default H beginEndless(S sink, Object context) { return begin(sink, context); }

    boolean deliver(S sink, H call, Object object);

    /**
     * Delivers {@code objects} of {@code call} as one batch (WMI's {@code IWbemObjectSink::Indicate});
     * true if every object was accepted. The default is one {@link #deliver} per object, stopping at the
     * first refused one; an adapter whose sink has a batch method maps it here (the reference's:
     * {@code Sink.deliverAll}). The stress tier's batch race and the bench use it; the conformance
     * replay does not (the abstract spec's step is one delivery).
     */
    default boolean deliverAll(S sink, H call, List<?> objects) {
        for (Object object : objects) if (!deliver(sink, call, object)) return false;
        return true;
    }

    /** Needs {@link Capability#PROGRESS}. */
    default boolean progress(S sink, H call) {
        throw new UnsupportedOperationException("no " + Capability.PROGRESS);
    }

    boolean complete(S sink, H call);

    /** Needs {@link Capability#FAIL}. */
    default boolean fail(S sink, H call, Throwable error) {
        throw new UnsupportedOperationException("no " + Capability.FAIL);
    }

    void cancel(S sink);

    /** How many calls {@code sink} still references. Needs {@link Capability#RETENTION_VISIBLE}. */
    default int pendingCalls(S sink) {
        throw new UnsupportedOperationException("no " + Capability.RETENTION_VISIBLE);
    }

    /** Whether the provider of {@code call} can see it was cancelled. Needs {@link Capability#PROVIDER_TOLD}. */
    default boolean providerSeesCancelled(S sink, H call) {
        throw new UnsupportedOperationException("no " + Capability.PROVIDER_TOLD);
    }

    /**
     * Called after every action, before the kit observes the sink. A sink that runs callbacks on threads
     * of its own waits here until the callbacks due so far have run; a sink calling back on the
     * signalling thread, like the reference sink, needs nothing. Wait through {@code settling}, which
     * bounds the wait by the kit's budget and, past it, fails with one line naming the action the kit
     * just performed and what the adapter waited for ({@link Settling#until}). Wait for the sink's own
     * threads to go quiet (a task count of the executor the adapter handed the sink, a barrier task on
     * its serial executor), not for the events the kit expects: a sink that loses a callback then shows
     * the loss at once, instead of after the whole budget.
     */
    default void settle(S sink, Settling settling) {}

    /**
     * Whether the kit observes acceptance instead of reading the signals' answers. False (the default):
     * what {@link #deliver}, {@link #progress}, {@link #complete} and {@link #fail} return is the sink's
     * answer, checked against the model. True, for a library whose API does not say at return whether a
     * signal was accepted (a kill switch that may already have fired, an offer that succeeds and whose
     * element is dropped later): the kit ignores what the signals return and, once the sink has
     * {@linkplain #settle settled}, takes a signal as accepted exactly when its callback ran in that step
     * (the object, progress, completed or failed callback of the call the signal named). That is RULES.md's
     * SC-04 meaning of accepted, "the callback ran or will run", with the "will run" settled. What it gives
     * up: the kit can no longer catch an answer that disagrees with the callbacks, since there is no answer.
     */
    default boolean observesAcceptance() { return false; }

    /** A handle no sink issued. Needs {@link Capability#HANDLE_CHECKS}. */
    default H forgeHandle(S sink) {
        throw new UnsupportedOperationException("no " + Capability.HANDLE_CHECKS);
    }
}
