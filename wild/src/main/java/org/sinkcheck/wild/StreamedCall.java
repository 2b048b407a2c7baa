package org.sinkcheck.wild;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * One call of an OkHttp sink: the OkHttp {@link Call}, the {@link Callback} that reads its streamed body
 * the way a user's callback would, and the server's side of it ({@link ServerStream}, the provider).
 *
 * <p>The callback, on a dispatcher thread: each line of the body is an object for the listener; the end of
 * the body, completed; an {@link IOException} is cancelled if {@code call.isCanceled()} (OkHttp's own
 * way to say so: a cancelled call fails with an {@code IOException} too), else failed. An exception the
 * listener throws leaves the callback, as it would in a user's code (OkHttp then cancels the call and
 * rethrows it on the dispatcher thread).
 *
 * <p>Whether the call has gone quiet ({@link #quiet}) is what the adapter observes to settle: every
 * object the provider sent has been heard, or the call is over and OkHttp has let go of it. The counters
 * are written by the dispatcher thread after each callback returned and read by the kit's thread: each is
 * an atomic or volatile, so a count the kit reads comes with the callbacks before it. The server's count of
 * callbacks returned is advanced first: a settle that sees this call quiet also sees that count moved,
 * and with it whatever the callback did to other calls (a cancel).
 */
public final class StreamedCall implements Callback {
    private final ProbedCall listener;
    private final ServerStream provider;
    private final Call call;
    /** The server's count of callbacks returned, advanced before each write below that can make the call quiet. */
    private final AtomicLong callbacksReturned;
    private final AtomicInteger objectsHeard = new AtomicInteger();
    /** The body is being read: the response's headers arrived. */
    private volatile boolean responding;
    /** The callback returned (or threw): nothing more is heard of this call. */
    private volatile boolean finished;
    /** The kit is done with the sink: nothing reaches its listener any more. */
    private volatile boolean muted;

    private StreamedCall(ProbedCall listener, ServerStream provider, Call call, AtomicLong callbacksReturned) {
        this.listener = listener;
        this.provider = provider;
        this.call = call;
        this.callbacksReturned = callbacksReturned;
    }

    /**
     * Begins {@code call}, whose body {@code provider} streams and whose callbacks reach {@code listener};
     * each callback that returns advances {@code callbacksReturned}.
     */
    static StreamedCall enqueue(Call call, ServerStream provider, ProbedCall listener, AtomicLong callbacksReturned) {
        StreamedCall streamed = new StreamedCall(listener, provider, call, callbacksReturned);
        call.enqueue(streamed);
        return streamed;
    }

    Call call() { return call; }

    ServerStream provider() { return provider; }

    /**
     * Whether nothing more is due from this call: it is over and no longer among the dispatcher's calls
     * ({@code inDispatcher}: a snapshot of its running and queued calls), or it is reading its body, was
     * not cancelled, and has heard every object its provider sent while the provider has not ended it.
     */
    boolean quiet(Set<Call> inDispatcher) {
        if (finished) return over(inDispatcher);
        if (call.isCanceled()) return false;
        return responding && !provider.ended() && objectsHeard.get() == provider.linesSent();
    }

    /** Whether the call is over: its callback returned and OkHttp let go of it (it is not in {@code inDispatcher}). */
    boolean over(Set<Call> inDispatcher) { return finished && !inDispatcher.contains(call); }

    /** The kit is done with this call: its listener hears nothing more; OkHttp's and the server's sides are ended. */
    void dispose() {
        muted = true;
        call.cancel();
    }

    @Override
    public void onFailure(Call failed, IOException e) {
        try {
            ended(e);
        } finally {
            finish();
        }
    }

    @Override
    public void onResponse(Call responded, Response response) {
        responding = true;
        try (ResponseBody body = response.body()) {
            BufferedSource source = body.source();
            while (!source.exhausted()) {
                String line = source.readUtf8LineStrict();
                try {
                    if (!muted) listener.object(line);
                } finally {
                    callbacksReturned.incrementAndGet();
                    objectsHeard.incrementAndGet();
                }
            }
            if (!muted) listener.completed();
        } catch (IOException e) {
            ended(e);
        } finally {
            finish();
        }
    }

    private void finish() {
        callbacksReturned.incrementAndGet();
        finished = true;
    }

    private void ended(IOException e) {
        if (muted) return;
        if (call.isCanceled()) listener.cancelled();
        else listener.failed(e);
    }
}
