package org.example.toy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An author's own sink, with an API of its own (not sinkcheck's): jobs are started with a tag, a worker
 * {@link #emit}s results and {@link #finish}es or {@link #error}s them, and {@link #cancelAll()} cancels
 * every job of this sink. It is single-threaded by design (no locks), which the adapter declares.
 *
 * <p>Invariants: {@code active} holds exactly the jobs without an outcome; a job's listener callbacks
 * never nest; an outcome decided while one of the job's callbacks runs (cancel from inside a callback)
 * is delivered right after that callback returns.
 */
public class ToySink {

    /** What the client hears. */
    public interface Listener {
        void onResult(Object tag, Object value);

        void onDone(Object tag);

        void onError(Object tag, Exception error);

        void onCancelled(Object tag);
    }

    private enum Outcome { DONE, ERROR, CANCELLED }

    /** A started job: the worker's handle. Only the sink that started it accepts it. */
    public final class Job {
        private final Object tag;
        private Outcome outcome;
        private Exception error;
        private boolean inCallback;
        private boolean outcomePending;

        private Job(Object tag) { this.tag = tag; }

        /** The worker polls this to stop early. */
        public boolean isCancelled() { return outcome == Outcome.CANCELLED; }

        private ToySink sink() { return ToySink.this; }
    }

    private final Listener listener;
    private final BiConsumer<Object, RuntimeException> listenerFailures;
    private final Set<Job> active = new LinkedHashSet<>();

    /** @param listenerFailures told of every exception the listener throws, with the job's tag */
    public ToySink(Listener listener, BiConsumer<Object, RuntimeException> listenerFailures) {
        this.listener = listener;
        this.listenerFailures = listenerFailures;
    }

    public Job start(Object tag) {
        Job job = new Job(tag);
        active.add(job);
        return job;
    }

    /** A result of {@code job}; false if the job is not this sink's, has ended, or is mid-callback. */
    public boolean emit(Job job, Object value) {
        if (!mine(job) || job.outcome != null || job.inCallback) return false;
        job.inCallback = true;
        try {
            listener.onResult(job.tag, value);
        } catch (RuntimeException e) {
            listenerFailures.accept(job.tag, e);
            end(job, Outcome.CANCELLED, null);
        }
        job.inCallback = false;
        if (job.outcomePending) tell(job);
        return true;
    }

    public boolean finish(Job job) { return mine(job) && end(job, Outcome.DONE, null); }

    public boolean error(Job job, Exception error) { return mine(job) && end(job, Outcome.ERROR, error); }

    /** Cancels every job of this sink that has no outcome yet. */
    public void cancelAll() {
        List<Job> cancelled = new ArrayList<>();
        for (Job job : cancellable()) {
            job.outcome = Outcome.CANCELLED;
            cancelled.add(job);
        }
        active.removeAll(cancelled);
        for (Job job : cancelled) deliverUnlessInCallback(job);
    }

    /** How many jobs this sink still holds. */
    public int activeJobs() { return active.size(); }

    /** The jobs {@link #cancelAll()} ends: all active ones. */
    protected List<Job> cancellable() { return new ArrayList<>(active); }

    private boolean mine(Job job) { return job != null && job.sink() == this; }

    private boolean end(Job job, Outcome outcome, Exception error) {
        if (job.outcome != null) return false;
        job.outcome = outcome;
        job.error = error;
        active.remove(job);
        deliverUnlessInCallback(job);
        return true;
    }

    private void deliverUnlessInCallback(Job job) {
        if (job.inCallback) {
            job.outcomePending = true;
        } else {
            tell(job);
        }
    }

    private void tell(Job job) {
        job.outcomePending = false;
        job.inCallback = true;
        try {
            switch (job.outcome) {
                case DONE: listener.onDone(job.tag); break;
                case ERROR: listener.onError(job.tag, job.error); break;
                default: listener.onCancelled(job.tag); break;
            }
        } catch (RuntimeException e) {
            listenerFailures.accept(job.tag, e);
        }
    }
}
