package org.sinkcheck.wild;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import org.sinkcheck.kit.Capability;
import org.sinkcheck.kit.Events;
import org.sinkcheck.kit.Settling;
import org.sinkcheck.kit.SinkAdapter;

/**
 * Apache Pekko streams' {@code SharedKillSwitch} as a sink. The sink is one {@code KillSwitches.shared(…)}
 * ({@link KillSwitchSink}); a call is one stream through it, fed by a {@code BoundedSourceQueue} the
 * provider offers to, completes or fails ({@link SwitchedStream}); the callbacks reach the kit's listener
 * from the actor system's threads; cancel is {@code abort(new CancellationException(…))}.
 *
 * <p>Why {@code abort} and not {@code shutdown}: WMI's cancel ends each call with a status of its own, the
 * call was cancelled, which its sink tells apart from success. {@code shutdown()} completes every stream
 * through the switch normally, so the listener would hear "completed" and the provider's watch
 * "finished", exactly as after the provider's own {@code complete()}; {@code abort(e)} fails them with
 * {@code e}, which both sides can recognise.
 *
 * <p>Acceptance is observed ({@link #observesAcceptance}): an offer the queue takes ({@code Enqueued}) may
 * still be lost to the switch. {@link #settle} waits, within the kit's budget, until every stream of the
 * sink has gone quiet ({@link SwitchedStream#quiet}), and the kit then takes a signal as accepted when
 * the listener heard its callback. Pekko cannot say whether a switch fired, so the sink remembers that
 * the adapter fired it; after that, quiet means every stream through it has ended.
 *
 * <p>Declared: fail, the provider told (its {@code watchTermination}), cancel from inside a callback
 * ({@code abort} only signals the stages), thread safety (the switch and the queue are safe for many
 * threads). Not declared: progress; retention (a switch cannot count its streams); handle checks (a
 * queue is bound to its stream); listener errors (an exception from {@code Sink.foreach} fails that
 * stream with it: contained, but reported to no one as the listener's).
 */
public final class PekkoKillSwitchAdapter implements SinkAdapter<KillSwitchSink, SwitchedStream> {

    private final AtomicLong switches = new AtomicLong();

    /**
     * Starts the actor system, if no adapter did before: with the adapter, not inside some sink's first
     * begin, which would then take seconds (the stress tier gives a begin one second to return).
     */
    public PekkoKillSwitchAdapter() { PekkoSystem.get(); }

    @Override
    public String name() { return "Pekko streams SharedKillSwitch"; }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.FAIL, Capability.PROVIDER_TOLD, Capability.CANCEL_IN_CALLBACK, Capability.THREAD_SAFE);
    }

    @Override
    public KillSwitchSink newSink(Events events) { return new KillSwitchSink("sink-" + switches.incrementAndGet(), events); }

    @Override
    public SwitchedStream begin(KillSwitchSink sink, Object context) {
        SwitchedStream stream = SwitchedStream.materialize(sink, new ProbedCall(context, sink.events()));
        sink.streams().add(stream);
        return stream;
    }

    /** Offers {@code object}; the queue's own answer, {@code Enqueued} or not, though the switch may still drop it. */
    @Override
    public boolean deliver(KillSwitchSink sink, SwitchedStream stream, Object object) { return stream.offer(object); }

    @Override
    public boolean complete(KillSwitchSink sink, SwitchedStream stream) { return stream.complete(); }

    @Override
    public boolean fail(KillSwitchSink sink, SwitchedStream stream, Throwable error) { return stream.fail(error); }

    /** An enqueued element may still be lost to the switch: the kit takes a signal as accepted when its callback ran. */
    @Override
    public boolean observesAcceptance() { return true; }

    @Override
    public void cancel(KillSwitchSink sink) { sink.abort(new CancellationException("the sink was cancelled")); }

    @Override
    public boolean providerSeesCancelled(KillSwitchSink sink, SwitchedStream stream) { return stream.providerSeesCancelled(); }

    /**
     * Waits, within the kit's budget, until every stream of the sink has gone quiet ({@link SwitchedStream#quiet});
     * a look counts only if no callback returned while it looked (one may have fired the switch). Then lets go of
     * the streams that have ended: nothing more is due from them, and the adapter must not keep a finished
     * call's context reachable (the kit judges SC-13 by reachability, and what the adapter holds counts as the sink's).
     */
    @Override
    public void settle(KillSwitchSink sink, Settling settling) {
        settling.until("every stream through the switch to go quiet (each enqueued element heard; each ended stream's"
                + " end heard by the listener and by its provider's watch; after abort, every stream ended)", () -> {
            long before = sink.callbacksReturned().get();
            for (SwitchedStream stream : sink.streams()) if (!stream.quiet(sink.fired())) return false;
            return sink.callbacksReturned().get() == before;
        });
        sink.streams().removeIf(SwitchedStream::ended);
    }

    /** Mutes the sink's streams and fires its switch, which ends every one of them. */
    @Override
    public void dispose(KillSwitchSink sink) {
        sink.streams().forEach(SwitchedStream::mute);
        sink.streams().clear();
        sink.abort(new CancellationException("the sink was disposed of"));
    }
}
