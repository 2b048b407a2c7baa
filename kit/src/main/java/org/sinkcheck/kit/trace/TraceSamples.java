package org.sinkcheck.kit.trace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sinkcheck.kit.trace.TraceEvent.Kind;

/**
 * Many short, independent runs, each recorded by a {@link TraceRecorder} of its own and ended with
 * {@link TraceRecorder#quiet()}, written as <em>one</em> trace whose segments are the runs: the jcstress
 * races' samples, where each sample has its own sinks and calls. The validator cuts after each
 * {@code quiet}, and several segments go to one TLC run, so hundreds of tiny samples cost one TLC JVM.
 */
public final class TraceSamples {
    /*
     * Implementation notes.
     *
     * Why one recorder per sample, not one for all: jcstress runs a stride of samples at once, each actor
     * thread walking the stride's states in turn, so actor 1 may be in sample 5 while actor 2 is still in
     * sample 3, and arbiters run while other samples' actors do. One recorder's `quiet` would then claim
     * a quiet the other samples' pending calls deny. A recorder per sample keeps the recorder's own
     * guarantee within the sample (one ticket, per-thread buffers, the tickets extending happens-before);
     * its ThreadLocal is per recorder, so a thread jcstress reuses for the next sample starts a new buffer.
     *
     * Why concatenating samples is sound: samples share no sink and no call (ids are renumbered here so
     * they stay distinct in the file), and CancelAll's sinks are independent (SC-02), so a behaviour of
     * each sample is a behaviour of their sequence, and a sample no behaviour explains is rejected alone.
     * How samples were ordered in real time is irrelevant and not kept: `seq` is renumbered in file
     * order, threads are numbered per sample (thread 1 of two samples may be two threads or one).
     *
     * add() copies the sample's events once the caller has seen every event of it happen (jcstress's
     * arbiter, after its actors' checkpoint and the stage's event loop); add and write are synchronized.
     */
    private final List<List<TraceEvent>> samples = new ArrayList<>();
    private long events;

    /**
     * Adds {@code sample}, which must have ended with {@link TraceRecorder#quiet()} and be finished (no
     * thread records into it any more).
     *
     * @throws IllegalArgumentException if its last event is not {@code quiet}
     */
    public void add(TraceRecorder sample) {
        add(sample.events());
    }

    /**
     * Adds the events of one sample, or of several already merged (a fork's file read back), in ticket
     * order and ending with {@code quiet}.
     *
     * @throws IllegalArgumentException if the last event is not {@code quiet}
     */
    public synchronized void add(List<TraceEvent> recorded) {
        if (recorded.isEmpty() || recorded.get(recorded.size() - 1).kind() != Kind.QUIET) {
            throw new IllegalArgumentException("a sample must end with quiet: its last event is "
                    + (recorded.isEmpty() ? "none" : recorded.get(recorded.size() - 1).toJson()));
        }
        samples.add(List.copyOf(recorded));
        events += recorded.size();
    }

    /** How many samples were added. */
    public synchronized int samples() { return samples.size(); }

    /** How many events the samples hold. */
    public synchronized long events() { return events; }

    /** Every sample's events in the order added, with seq, threads, sinks and calls renumbered to stay distinct. */
    public synchronized List<TraceEvent> merged() {
        List<TraceEvent> all = new ArrayList<>();
        int threads = 0;
        int sinks = 0;
        int calls = 0;
        for (List<TraceEvent> sample : samples) {
            int maxThread = 0;
            int maxSink = 0;
            int maxCall = 0;
            for (TraceEvent e : sample) {
                maxThread = Math.max(maxThread, e.thread());
                maxSink = Math.max(maxSink, number(e.sink(), 's'));
                maxCall = Math.max(maxCall, number(e.call(), 'c'));
                all.add(new TraceEvent(all.size() + 1L, threads + e.thread(), e.kind(), e.op(), shift(e.sink(), 's', sinks),
                        shift(e.call(), 'c', calls), e.event(), e.n(), e.ok(), e.threw()));
            }
            threads += maxThread;
            sinks += maxSink;
            calls += maxCall;
        }
        return all;
    }

    /** Writes {@link #merged()} as NDJSON, ready for {@code ./sinkcheck trace --validate}; returns what it wrote, line i + 1 event i. */
    public synchronized List<TraceEvent> write(Path file) {
        List<TraceEvent> merged = merged();
        TraceRecorder.write(merged, file);
        return merged;
    }

    /** The number of a recorder's id ({@code s3}, {@code c17}), or 0 for what is not one ({@code forged}, {@code unknown}, none). */
    private static int number(String id, char prefix) {
        if (id.length() < 2 || id.charAt(0) != prefix) return 0;
        for (int i = 1; i < id.length(); i++) if (!Character.isDigit(id.charAt(i))) return 0;
        return Integer.parseInt(id.substring(1));
    }

    private static String shift(String id, char prefix, int by) {
        int n = number(id, prefix);
        return n == 0 ? id : prefix + String.valueOf(n + by);
    }
}
