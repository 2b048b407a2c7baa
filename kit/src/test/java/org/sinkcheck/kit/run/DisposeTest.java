package org.sinkcheck.kit.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.sinkcheck.kit.SinkApiAdapter;
import org.sinkcheck.reference.ReferenceSink;
import org.sinkcheck.sink.CallHandle;
import org.sinkcheck.sink.SinkListener;

/**
 * {@code SinkAdapter.dispose}: every sink the kit makes is disposed of exactly once, after the last thing
 * the kit does with it, on paths that pass, fail and throw and in the shrinker's replays; the kit keeps
 * no disposed sink reachable; a dispose that throws is one note naming the adapter and changes no verdict.
 */
class DisposeTest {

    private static final Options SMALL = Options.ci().withWalks(2, 400);

    /** The reference sink, its lifecycle watched: made, disposed, touched after dispose, disposed twice, alive at most at once. */
    static class Watched extends SinkApiAdapter<ReferenceSink<Object>> {
        final Map<ReferenceSink<Object>, Boolean> disposed = Collections.synchronizedMap(new IdentityHashMap<>());
        final List<String> misuse = Collections.synchronizedList(new ArrayList<>());
        final List<WeakReference<ReferenceSink<Object>>> made = Collections.synchronizedList(new ArrayList<>());
        int alive;
        int mostAlive;

        @Override
        protected ReferenceSink<Object> create(SinkListener<Object> listener, BiConsumer<Object, Throwable> errors) {
            ReferenceSink<Object> sink = new ReferenceSink<>(listener, errors);
            disposed.put(sink, false);
            made.add(new WeakReference<>(sink));
            mostAlive = Math.max(mostAlive, ++alive);
            return sink;
        }

        @Override
        public void dispose(ReferenceSink<Object> sink) {
            Boolean was = disposed.put(sink, true);
            if (was == null) misuse.add("disposed of a sink it never made");
            else if (was) misuse.add("disposed of a sink twice");
            alive--;
        }

        private void touch(ReferenceSink<Object> sink, String what) {
            if (Boolean.TRUE.equals(disposed.get(sink))) misuse.add(what + " on a disposed sink");
        }

        @Override public CallHandle begin(ReferenceSink<Object> sink, Object context) { touch(sink, "begin"); return super.begin(sink, context); }

        @Override public boolean deliver(ReferenceSink<Object> sink, CallHandle call, Object o) { touch(sink, "deliver"); return super.deliver(sink, call, o); }

        @Override public boolean complete(ReferenceSink<Object> sink, CallHandle call) { touch(sink, "complete"); return super.complete(sink, call); }

        @Override public void cancel(ReferenceSink<Object> sink) { touch(sink, "cancel"); super.cancel(sink); }

        @Override public int pendingCalls(ReferenceSink<Object> sink) { touch(sink, "pendingCalls"); return super.pendingCalls(sink); }

        void assertEveryoneDisposedOnce(int mostAtOnce) {
            assertEquals(List.of(), misuse.subList(0, Math.min(3, misuse.size())));
            assertFalse(disposed.isEmpty());
            assertFalse(disposed.containsValue(false), () -> disposed.values().stream().filter(d -> !d).count() + " sinks never disposed of");
            assertEquals(0, alive);
            assertTrue(mostAlive <= mostAtOnce, "at most " + mostAtOnce + " sinks alive at once, not " + mostAlive);
        }
    }

    /** As above, with a cancel that forgets the sink: every path with a cancel fails, and the shrinker replays. */
    static class WatchedCancelDoesNothing extends Watched {
        @Override public void cancel(ReferenceSink<Object> sink) { }
    }

    @Test
    void everySinkOfAPassingRunIsDisposedOfOnceAndNeverTouchedAfter() {
        Watched adapter = new Watched();
        ConformanceReport report = Conformance.run(adapter, SMALL);
        assertTrue(report.requiredRulesHold(), report::table);
        adapter.assertEveryoneDisposedOnce(SMALL.walkBounds().sinks());
    }

    @Test
    void everySinkOfFailingPathsAndOfTheShrinkersReplaysIsDisposedOfOnce() {
        Watched adapter = new WatchedCancelDoesNothing();
        ConformanceReport report = Conformance.run(adapter, SMALL);
        assertFalse(report.requiredRulesHold());
        adapter.assertEveryoneDisposedOnce(SMALL.walkBounds().sinks());
    }

    /** A sink whose begin throws ends its path at once; its sinks are disposed of all the same. */
    @Test
    void theSinksOfARunThatThrewAreDisposedOfToo() {
        Watched adapter = new Watched() {
            @Override public CallHandle begin(ReferenceSink<Object> sink, Object context) { throw new IllegalStateException("no begin today"); }
        };
        Conformance.run(adapter, SMALL);
        adapter.assertEveryoneDisposedOnce(SMALL.walkBounds().sinks());
    }

    @Test
    void theKitKeepsNoSinkReachableOnceItIsDone() throws InterruptedException {
        Watched adapter = new Watched();
        Conformance.run(adapter, Options.ci().withWalks(1, 200));
        List<WeakReference<ReferenceSink<Object>>> made = adapter.made;
        adapter.disposed.clear();   // the watcher's own references
        long alive = made.size();
        for (int i = 0; i < 50 && alive > 0; i++) {
            System.gc();
            Thread.sleep(20);
            alive = made.stream().filter(r -> r.get() != null).count();
        }
        assertEquals(0, alive, "sinks still reachable after the run, of " + made.size());
    }

    @Test
    void aThrowingDisposeIsOneNoteNamingTheAdapterAndChangesNoVerdict() {
        Watched throwing = new WatchedCancelDoesNothing() {
            @Override
            public void dispose(ReferenceSink<Object> sink) {
                super.dispose(sink);
                throw new IllegalStateException("the connection pool\nis gone");
            }

            @Override public String name() { return "leaky"; }
        };
        ConformanceReport thrown = Conformance.run(throwing, SMALL);
        ConformanceReport quiet = Conformance.run(new WatchedCancelDoesNothing(), SMALL);
        for (ConformanceReport.Row row : quiet.rows()) {
            assertEquals(row.verdict(), thrown.result(row.rule()).verdict(), row.rule().id());
        }
        List<String> notes = thrown.notes().stream().filter(n -> n.contains("dispose")).toList();
        assertEquals(1, notes.size(), thrown.table());
        assertTrue(notes.get(0).startsWith("leaky.dispose threw in ") && notes.get(0).contains("IllegalStateException: the connection pool is gone"), notes.get(0));
        assertFalse(notes.get(0).contains("\n"));
        assertTrue(thrown.table().contains(notes.get(0)), "the table prints the note");
        throwing.assertEveryoneDisposedOnce(SMALL.walkBounds().sinks());
    }

}
