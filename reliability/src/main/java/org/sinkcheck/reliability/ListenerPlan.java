package org.sinkcheck.reliability;

import org.sinkcheck.model.EventKind;

/**
 * What the soak's listener does with one call's callbacks. A plan that throws or cancels does so once,
 * on the first callback of its kind; a slow listener is slow on every callback.
 */
enum ListenerPlan {
    /** Records the event and returns. */
    PLAIN(null, Reaction.NONE),
    /** Parks for tens to hundreds of microseconds in every callback, widening every race window. */
    SLOW(null, Reaction.SLOW),
    /** Throws from its first object callback: the call is cancelled, the error reported (SC-15). */
    THROW_IN_OBJECT(EventKind.OBJECT, Reaction.THROW),
    /** Throws from its first progress callback (SC-15). */
    THROW_IN_PROGRESS(EventKind.PROGRESS, Reaction.THROW),
    /** Throws from its final callback: reported, nothing more happens (SC-15). */
    THROW_IN_FINAL(null, Reaction.THROW),
    /** Cancels its own sink from inside its first object callback (SC-16). */
    CANCEL_IN_OBJECT(EventKind.OBJECT, Reaction.CANCEL),
    /** Cancels its own sink from inside its first progress callback (SC-16). */
    CANCEL_IN_PROGRESS(EventKind.PROGRESS, Reaction.CANCEL),
    /** Cancels its own sink from inside its final callback (SC-16). */
    CANCEL_IN_FINAL(null, Reaction.CANCEL);

    /** What the listener does inside one callback. */
    enum Reaction { NONE, SLOW, THROW, CANCEL }

    /** The event that triggers the reaction; {@code null} with a throw or cancel means "the final". */
    private final EventKind trigger;
    private final Reaction reaction;

    ListenerPlan(EventKind trigger, Reaction reaction) {
        this.trigger = trigger;
        this.reaction = reaction;
    }

    /** The reaction to {@code event}, given whether this call's listener already threw or cancelled once. */
    Reaction reactionTo(EventKind event, boolean alreadyReacted) {
        if (reaction == Reaction.NONE || reaction == Reaction.SLOW) return reaction;
        if (alreadyReacted) return Reaction.NONE;
        boolean triggered = trigger == null ? event.isFinal() : trigger == event;
        return triggered ? reaction : Reaction.NONE;
    }
}
