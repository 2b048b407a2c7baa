package org.sinkcheck.wild;

import java.util.Set;
import org.sinkcheck.kit.Capability;
import org.sinkcheck.kit.Events;
import org.sinkcheck.kit.SinkAdapter;

/**
 * What every adapter here does the same way: the sink is a library's group ({@link Group}); a call is one
 * member of it ({@link Member}: the library's handle of the member and the member's {@link ProbedCall});
 * a provider signal is the library's own signal on that handle, accepted when the listener heard it
 * ({@link ProbedCall#accepted}); cancel is the group's. A library supplies only its own parts: its group,
 * how a member joins it, its three signals, its cancel, and what its handle tells the provider.
 *
 * @param <G> the library's group type
 * @param <H> the library's handle of one member
 */
public abstract class GroupAdapter<G, H> implements SinkAdapter<Group<G>, GroupAdapter.Member<H>> {

    /** One member: the library's handle of it (the provider's side) and its listener side. */
    public record Member<H>(H handle, ProbedCall call) {}

    private final String name;
    private final Set<Capability> capabilities;

    GroupAdapter(String name, Set<Capability> capabilities) {
        this.name = name;
        this.capabilities = Set.copyOf(capabilities);
    }

    /** A new, empty group. */
    abstract G newGroup();

    /** Adds to {@code group} a member whose callbacks reach {@code call}; returns the library's handle of it. */
    abstract H join(G group, ProbedCall call);

    /** The library's way to deliver {@code object} to the member. */
    abstract void emitObject(Member<H> member, Object object);

    /** The library's normal end of the member. */
    abstract void emitCompleted(H handle);

    /** The library's end of the member with {@code error}. */
    abstract void emitFailed(H handle, Throwable error);

    /** The library's cancel of the whole group. */
    abstract void cancelGroup(G group);

    /** Whether the handle tells its provider the member was cancelled. */
    abstract boolean handleSaysCancelled(H handle);

    @Override
    public final String name() { return name; }

    @Override
    public final Set<Capability> capabilities() { return capabilities; }

    @Override
    public final Group<G> newSink(Events events) { return new Group<>(newGroup(), events); }

    @Override
    public final Member<H> begin(Group<G> sink, Object context) {
        ProbedCall call = new ProbedCall(context, sink.events());
        return new Member<>(join(sink.group(), call), call);
    }

    @Override
    public final boolean deliver(Group<G> sink, Member<H> member, Object object) {
        return member.call().accepted(() -> emitObject(member, object));
    }

    @Override
    public final boolean complete(Group<G> sink, Member<H> member) {
        return member.call().accepted(() -> emitCompleted(member.handle()));
    }

    @Override
    public final boolean fail(Group<G> sink, Member<H> member, Throwable error) {
        return member.call().accepted(() -> emitFailed(member.handle(), error));
    }

    @Override
    public final void cancel(Group<G> sink) { cancelGroup(sink.group()); }

    @Override
    public final boolean providerSeesCancelled(Group<G> sink, Member<H> member) {
        return handleSaysCancelled(member.handle());
    }
}
