package org.sinkcheck.wild;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * A loopback HTTP server whose responses the kit's providers write ({@link ServerStream}), and the OkHttp
 * client the sinks' clients are made from with {@code newBuilder()}. Nothing leaves the machine: the
 * server listens on the loopback address only, at a port the system picks.
 *
 * <p>Each call carries its id in a request header; the server answers it with that call's stream,
 * HTTP/1.1 chunked, on a connection of its own that the server shuts once the body's writer returns
 * ({@code Connection: close}): after the last chunk that is the normal end; without it, the client reads
 * an unexpected end of stream, which is how a provider fails a call.
 * The base client streams as long-lived streams need: no read timeout (a subscription may be quiet for
 * longer than OkHttp's default 10 s), Nagle off ({@link NoDelaySockets}), and its dispatcher's limits
 * lifted (by default OkHttp runs at most 5 calls per host and queues the rest until one ends, so a sixth
 * open stream would wait for ever). Its dispatcher runs on a pool of {@link DispatcherThreads}.
 *
 * <p>{@link #close} shuts down the base dispatcher's pool, evicts the pooled connections and closes the
 * server (whose threads are not daemon threads).
 */
final class LoopbackHttp implements AutoCloseable {
    /** The request header that names the call, so that the server answers it with the call's own stream. */
    static final String CALL_HEADER = "Sinkcheck-Call";

    /** Held strongly: java.util.logging forgets the level of a logger nobody references. */
    private static final Logger SERVER_LOG = Logger.getLogger(MockWebServer.class.getName());

    static {
        // MockWebServer logs every connection a provider's failure or a disposal drops, with its stack trace
        SERVER_LOG.setLevel(Level.OFF);
    }

    private final MockWebServer server = new MockWebServer();
    private final Map<String, ServerStream> awaitingRequest = new ConcurrentHashMap<>();
    private final AtomicLong callIds = new AtomicLong();
    private final ExecutorService basePool = DispatcherThreads.newPool();
    private final OkHttpClient base;
    private final Set<HttpSink> sinks = ConcurrentHashMap.newKeySet();
    /**
     * Counts the callbacks that returned, of every call through this server. A callback may cancel other
     * calls (a listener that cancels, through a dispatcher other clients share), so a settle takes the
     * count before and after it looks at every call: unchanged, no callback ended while it looked.
     */
    private final AtomicLong callbacksReturned = new AtomicLong();

    LoopbackHttp() {
        server.setServerSocketFactory(NoDelaySockets.SERVER);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                ServerStream stream = awaitingRequest.remove(String.valueOf(request.getHeaders().get(CALL_HEADER)));
                if (stream == null) return new MockResponse.Builder().code(404).body("no such call").build();
                return new MockResponse.Builder().addHeader("Transfer-Encoding", "chunked").addHeader("Connection", "close")
                        .body(stream).onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE).build();
            }
        });
        try {
            server.start(InetAddress.getLoopbackAddress(), 0);
        } catch (IOException e) {
            basePool.shutdown();
            throw new UncheckedIOException("cannot start the loopback HTTP server", e);
        }
        base = new OkHttpClient.Builder().dispatcher(newDispatcher(basePool)).socketFactory(NoDelaySockets.CLIENT)
                .readTimeout(Duration.ZERO).build();
    }

    /** A dispatcher on {@code pool} with the limits lifted, as the base client's. */
    static okhttp3.Dispatcher newDispatcher(ExecutorService pool) {
        okhttp3.Dispatcher dispatcher = new okhttp3.Dispatcher(pool);
        dispatcher.setMaxRequests(Integer.MAX_VALUE);
        dispatcher.setMaxRequestsPerHost(Integer.MAX_VALUE);
        return dispatcher;
    }

    /** The client every sink's client is made from. */
    OkHttpClient base() { return base; }

    /** The sinks made from the base client and not yet disposed of. */
    Set<HttpSink> sinks() { return sinks; }

    AtomicLong callbacksReturned() { return callbacksReturned; }

    /** A new call's request, tagged with {@code sink}, and the stream the server will answer it with. */
    Request newCall(Object sink, ServerStream stream) {
        String id = Long.toString(callIds.incrementAndGet());
        awaitingRequest.put(id, stream);
        return new Request.Builder().url(server.url("/stream/" + id)).header(CALL_HEADER, id).tag(Object.class, sink).build();
    }

    /** Forgets {@code stream} if its request never reached the server (a call cancelled before it was sent). */
    void forget(ServerStream stream) { awaitingRequest.values().remove(stream); }

    @Override
    public void close() {
        basePool.shutdown();
        base.connectionPool().evictAll();
        server.close();
    }
}
