package org.sinkcheck.bench;

import org.sinkcheck.kit.Events;

/** A listener that does nothing: the common-path benchmarks share it between threads without contention. */
enum Silence implements Events {
    INSTANCE;

    @Override public void object(Object context, Object object) { }

    @Override public void progress(Object context) { }

    @Override public void completed(Object context) { }

    @Override public void failed(Object context, Throwable error) { }

    @Override public void cancelled(Object context) { }

    @Override public void listenerError(Object context, Throwable error) { }
}
