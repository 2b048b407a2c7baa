package org.sinkcheck.wild;

import org.sinkcheck.kit.Events;

/**
 * A sink built from a library's group: the group itself and the kit's listener its members report to.
 *
 * @param <G> the library's group type
 */
public record Group<G>(G group, Events events) {}
