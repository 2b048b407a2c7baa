package org.sinkcheck.wild;

import java.util.ArrayList;
import java.util.List;
import org.sinkcheck.kit.Events;

/** The kit's side of a listener, for the adapters' own tests: what was heard, of which call, on which thread. */
class HeardEvents implements Events {
    /** One callback: the call's context, what it was, and the thread it ran on. */
    record Heard(Object context, String what, String thread) {}

    private final List<Heard> heard = new ArrayList<>();

    synchronized List<Heard> heard() { return List.copyOf(heard); }

    /** What {@code context}'s call heard, in order. */
    synchronized List<String> of(Object context) {
        return heard.stream().filter(h -> h.context().equals(context)).map(Heard::what).toList();
    }

    private synchronized void add(Object context, String what) { heard.add(new Heard(context, what, Thread.currentThread().getName())); }

    @Override public void object(Object context, Object object) { add(context, "object " + object); }

    @Override public void progress(Object context) { add(context, "progress"); }

    @Override public void completed(Object context) { add(context, "completed"); }

    @Override public void failed(Object context, Throwable error) { add(context, "failed"); }

    @Override public void cancelled(Object context) { add(context, "cancelled"); }

    @Override public void listenerError(Object context, Throwable error) { add(context, "listener error"); }
}
