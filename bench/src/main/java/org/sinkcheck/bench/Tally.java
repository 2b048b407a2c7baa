package org.sinkcheck.bench;

import org.sinkcheck.kit.Events;

/**
 * A listener that only counts, so a benchmark can check what a cancel did without adding more than an
 * increment per callback to what it measures. Confined to one thread.
 */
final class Tally implements Events {
    int objects;
    int finals;
    int cancelled;
    int listenerErrors;

    @Override public void object(Object context, Object object) { objects++; }

    @Override public void progress(Object context) { }

    @Override public void completed(Object context) { finals++; }

    @Override public void failed(Object context, Throwable error) { finals++; }

    @Override public void cancelled(Object context) { finals++; cancelled++; }

    @Override public void listenerError(Object context, Throwable error) { listenerErrors++; }
}
