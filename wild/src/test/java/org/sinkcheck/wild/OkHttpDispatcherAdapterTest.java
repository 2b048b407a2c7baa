package org.sinkcheck.wild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.sinkcheck.kit.SettleTimeoutException;
import org.sinkcheck.kit.Settling;

/**
 * What the OkHttp adapters assume of OkHttp and of themselves, tested directly: callbacks arrive on
 * OkHttp's dispatcher threads; a shared dispatcher's {@code cancelAll()} reaches another client's call
 * (the SC-02 finding); settle waits for an object the server sent until the client heard it, and past
 * the budget fails naming the action; Nagle is off on both ends; disposing of every sink leaves no
 * dispatcher or server thread behind.
 */
@Timeout(60)
class OkHttpDispatcherAdapterTest {
    private static final Duration SETTLE = Duration.ofSeconds(10);

    private static void settle(OkHttpDispatcherAdapter adapter, HttpSink sink, String after) {
        adapter.settle(sink, Settling.after(after, SETTLE));
    }

    @Test
    void callbacksRunOnOkHttpsDispatcherThreads() {
        OkHttpDispatcherAdapter adapter = new OkHttpClientPerSinkAdapter();
        HeardEvents events = new HeardEvents();
        HttpSink sink = adapter.newSink(events);
        try {
            StreamedCall call = adapter.begin(sink, "c1");
            adapter.deliver(sink, call, "an object");
            adapter.complete(sink, call);
            settle(adapter, sink, "complete c1");
            assertEquals(List.of("object an object", "completed"), events.of("c1"));
            for (HeardEvents.Heard heard : events.heard()) {
                assertTrue(heard.thread().startsWith("OkHttp"), heard + " ran on the kit's thread, not on OkHttp's");
            }
        } finally {
            adapter.dispose(sink);
        }
    }

    @Test
    void SC02_aSharedDispatchersCancelAllCancelsTheCallsOfEveryClientMadeFromTheSameBase() {
        for (OkHttpDispatcherAdapter adapter : List.of(new OkHttpClientPerSinkAdapter(), new OkHttpSharedDispatcherAdapter())) {
            HeardEvents events = new HeardEvents();
            HttpSink s1 = adapter.newSink(events);
            HttpSink s2 = adapter.newSink(events);
            try {
                adapter.begin(s1, "c1");
                settle(adapter, s1, "begin c1 on s1");
                adapter.cancel(s2);
                settle(adapter, s1, "cancel s2");
                boolean shared = adapter instanceof OkHttpSharedDispatcherAdapter;
                assertEquals(shared ? List.of("cancelled") : List.of(), events.of("c1"), adapter.name());
            } finally {
                adapter.dispose(s1);
                adapter.dispose(s2);
            }
        }
    }

    @Test
    void settleWaitsForAnObjectNotYetHeardAndPastItsBudgetFailsNamingTheAction() throws InterruptedException {
        OkHttpDispatcherAdapter adapter = new OkHttpSharedDispatcherAdapter();
        CountDownLatch release = new CountDownLatch(1);
        HeardEvents events = new HeardEvents() {
            @Override
            public void object(Object context, Object object) {
                super.object(context, object);
                awaitQuietly(release);   // the listener holds the dispatcher thread: the second object stays unread
            }
        };
        HttpSink sink = adapter.newSink(events);
        try {
            StreamedCall call = adapter.begin(sink, "c1");
            adapter.deliver(sink, call, "first");
            adapter.deliver(sink, call, "second");
            SettleTimeoutException e = assertThrows(SettleTimeoutException.class,
                    () -> adapter.settle(sink, Settling.after("deliver to c1", Duration.ofMillis(300))));
            assertTrue(e.getMessage().contains("after deliver to c1") && e.getMessage().contains("go quiet"), e.getMessage());
            release.countDown();
            settle(adapter, sink, "deliver to c1");
            assertEquals(List.of("object first", "object second"), events.of("c1"));
        } finally {
            release.countDown();
            adapter.dispose(sink);
        }
    }

    @Test
    void bothEndsOfEveryLoopbackConnectionHaveNagleOff() throws IOException {
        try (ServerSocket server = NoDelaySockets.SERVER.createServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = NoDelaySockets.CLIENT.createSocket()) {
            client.connect(server.getLocalSocketAddress());
            try (Socket accepted = server.accept()) {
                assertTrue(client.getTcpNoDelay(), "client end");
                assertTrue(accepted.getTcpNoDelay(), "server end");
            }
        }
    }

    @Test
    void disposingOfEverySinkLeavesNoDispatcherOrServerThreadBehind() throws InterruptedException {
        for (OkHttpDispatcherAdapter adapter : List.of(new OkHttpClientPerSinkAdapter(), new OkHttpSharedDispatcherAdapter())) {
            HeardEvents events = new HeardEvents();
            HttpSink s1 = adapter.newSink(events);
            HttpSink s2 = adapter.newSink(events);
            StreamedCall open = adapter.begin(s1, "c1");
            adapter.begin(s2, "c2");
            adapter.deliver(s1, open, "an object");
            settle(adapter, s1, "deliver to c1");
            settle(adapter, s2, "deliver to c1");
            assertTrue(liveThreads() > 0, "the calls run on OkHttp's and the server's threads");
            adapter.dispose(s1);
            adapter.dispose(s2);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (liveThreads() > 0 && System.nanoTime() < deadline) Thread.sleep(20);
            assertEquals(0, liveThreads(), adapter.name() + ": threads left after every sink was disposed of");
            assertEquals(List.of("object an object"), events.of("c1"), "a disposed sink's listener hears nothing more");
        }
    }

    /** The non-daemon threads the adapters' sinks run on: dispatcher pools and the server's task runner. */
    private static long liveThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> t.getName().startsWith("OkHttp Dispatcher") || t.getName().startsWith("OkHttp http")
                        || t.getName().startsWith("MockWebServer"))
                .count();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
