package org.sinkcheck.kit;

/**
 * The kit's side of a sink's listener. An adapter forwards each callback of the author's listener here,
 * with the context the kit passed to {@link SinkAdapter#begin}: the very same instance, not a copy or an
 * equal object. The kit tells calls apart by the identity of their contexts only (every context it makes
 * is {@code equals} to every other, SC-09). The {@code object} of {@link #object} may be any object: the
 * kit counts objects and never compares them. Calls may throw: that is how the kit
 * plays a failing listener (SC-15); the adapter must let the exception reach the author's sink.
 */
public interface Events {
    void object(Object context, Object object);

    void progress(Object context);

    void completed(Object context);

    void failed(Object context, Throwable error);

    void cancelled(Object context);

    /** The sink reported that its listener threw while handling {@code context}'s call (SC-15). */
    void listenerError(Object context, Throwable error);
}
