package org.sinkcheck.wild;

import java.util.Collections;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.Set;
import okhttp3.Call;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.sinkcheck.kit.Capability;
import org.sinkcheck.kit.Events;
import org.sinkcheck.kit.Settling;
import org.sinkcheck.kit.SinkAdapter;

/**
 * OkHttp's {@link Dispatcher#cancelAll()} as a sink's cancel. The sink is an OkHttp client
 * ({@link HttpSink}); a call is one {@code Call.enqueue} of a streamed GET against a loopback server
 * ({@link LoopbackHttp}) whose response body the kit's provider writes ({@link ServerStream}: an object
 * is a chunk holding one line, complete is the body's end, fail is the connection dropped mid-body); the
 * callbacks reach the kit's listener from OkHttp's dispatcher threads ({@link StreamedCall}); cancel is
 * {@code client.dispatcher().cancelAll()}. The two shapes differ only in whose dispatcher a sink's client
 * has ({@link #newClient}): its own, or the one every client made with {@code newBuilder()} shares.
 *
 * <p>Acceptance is observed, never predicted ({@link #observesAcceptance}): a provider's signal is a write
 * on the server, which says nothing of the client. {@link #settle} waits, within the kit's budget, until
 * every call of the sink has gone quiet ({@link StreamedCall#quiet}), and the kit then takes a signal as
 * accepted when the listener heard its callback.
 *
 * <p>Declared: fail, retention (the dispatcher's queued and running calls that belong to the sink),
 * cancel from inside a callback, thread safety. Not declared: progress (HTTP has none); the provider
 * being told (the server learns of a cancel only when a later write fails, which the adapter cannot
 * observe without writing); handle checks (a {@code Call} is bound to its client); listener errors
 * (OkHttp rethrows what a callback throws on the dispatcher thread: nothing is reported per call).
 *
 * <p>Lifecycle: the loopback server and the base client are shared by the sinks alive at one time, made
 * for the first and closed with the last one disposed of ({@link #dispose}); disposing of a sink mutes
 * its listener, cancels its calls, hangs up their server streams and releases what the sink's own client
 * holds ({@link #release}).
 */
public abstract class OkHttpDispatcherAdapter implements SinkAdapter<HttpSink, StreamedCall> {

    private final String name;
    /** The server and base client of the sinks alive now, and how many they are. Guarded by {@code this}. */
    private LoopbackHttp loopback;
    private int liveSinks;

    OkHttpDispatcherAdapter(String name) { this.name = name; }

    /** A sink's client, made from the base client with {@code newBuilder()}. */
    abstract OkHttpClient newClient(OkHttpClient base);

    /** Releases what {@code client} holds of its own, beyond what it shares with the base client. */
    abstract void release(OkHttpClient client);

    @Override
    public final String name() { return name; }

    @Override
    public final Set<Capability> capabilities() {
        return EnumSet.of(Capability.FAIL, Capability.RETENTION_VISIBLE, Capability.CANCEL_IN_CALLBACK, Capability.THREAD_SAFE);
    }

    @Override
    public final HttpSink newSink(Events events) {
        LoopbackHttp shared = acquireLoopback();
        HttpSink sink = new HttpSink(newClient(shared.base()), shared, events);
        shared.sinks().add(sink);
        return sink;
    }

    @Override
    public final StreamedCall begin(HttpSink sink, Object context) {
        ServerStream provider = new ServerStream();
        Call call = sink.client().newCall(sink.loopback().newCall(sink, provider));
        StreamedCall streamed = StreamedCall.enqueue(call, provider, new ProbedCall(context, sink.events()),
                sink.loopback().callbacksReturned());
        sink.calls().add(streamed);
        return streamed;
    }

    /** The server writes {@code object} as one chunk; whether the client heard it the kit observes. */
    @Override
    public final boolean deliver(HttpSink sink, StreamedCall call, Object object) {
        call.provider().send(object);
        return true;
    }

    /** The server ends the body; whether the client heard it the kit observes. */
    @Override
    public final boolean complete(HttpSink sink, StreamedCall call) {
        call.provider().end();
        return true;
    }

    /** The server drops the connection mid-body; whether the client heard it the kit observes. */
    @Override
    public final boolean fail(HttpSink sink, StreamedCall call, Throwable error) {
        call.provider().fail();
        return true;
    }

    /** A write on the server says nothing of the client: the kit takes a signal as accepted when its callback ran. */
    @Override
    public final boolean observesAcceptance() { return true; }

    @Override
    public final void cancel(HttpSink sink) { sink.client().dispatcher().cancelAll(); }

    /** The dispatcher's queued and running calls that were begun on {@code sink}. */
    @Override
    public final int pendingCalls(HttpSink sink) {
        int pending = 0;
        Dispatcher dispatcher = sink.client().dispatcher();
        for (Call call : dispatcher.queuedCalls()) if (call.request().tag(Object.class) == sink) pending++;
        for (Call call : dispatcher.runningCalls()) if (call.request().tag(Object.class) == sink) pending++;
        return pending;
    }

    /**
     * Waits until every call through the sink's server has gone quiet ({@link StreamedCall#quiet}), the
     * other sinks' calls too: a callback of one sink's call can cancel another's (through a shared
     * dispatcher, SC-02), and a settle that looked only at its own sink could return before such a cancel
     * ended its call. A look counts only if no callback returned while it looked. Then the sink's calls
     * that are over leave it, and their server streams are hung up (a connection thread would otherwise
     * wait for frames no one reads).
     */
    @Override
    public final void settle(HttpSink sink, Settling settling) {
        LoopbackHttp loopback = sink.loopback();
        settling.until("every call through the loopback server to go quiet (each chunk the server sent heard; each"
                + " cancelled or ended call over and let go of by its dispatcher)", () -> {
            long before = loopback.callbacksReturned().get();
            for (HttpSink each : loopback.sinks()) {
                Set<Call> inDispatcher = inDispatcher(each.client().dispatcher());
                for (StreamedCall call : each.calls()) if (!call.quiet(inDispatcher)) return false;
            }
            return loopback.callbacksReturned().get() == before;
        });
        Set<Call> inDispatcher = inDispatcher(sink.client().dispatcher());
        sink.calls().removeIf(call -> call.over(inDispatcher) && retire(sink, call));
    }

    /** Mutes the sink's listener, cancels its calls, hangs up their server streams and releases its client's own share. */
    @Override
    public final void dispose(HttpSink sink) {
        try {
            for (StreamedCall call : sink.calls()) {
                call.dispose();
                retire(sink, call);
            }
            sink.calls().clear();
            release(sink.client());
        } finally {
            sink.loopback().sinks().remove(sink);
            releaseLoopback();
        }
    }

    /** Ends the server's side of {@code call}, whether or not its request ever reached the server; true. */
    private static boolean retire(HttpSink sink, StreamedCall call) {
        call.provider().hangUp();
        sink.loopback().forget(call.provider());
        return true;
    }

    private static Set<Call> inDispatcher(Dispatcher dispatcher) {
        Set<Call> calls = Collections.newSetFromMap(new IdentityHashMap<>());
        calls.addAll(dispatcher.runningCalls());
        calls.addAll(dispatcher.queuedCalls());
        return calls;
    }

    private synchronized LoopbackHttp acquireLoopback() {
        if (liveSinks++ == 0) loopback = new LoopbackHttp();
        return loopback;
    }

    private synchronized void releaseLoopback() {
        if (--liveSinks > 0) return;
        loopback.close();
        loopback = null;
    }
}
