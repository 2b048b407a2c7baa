package org.sinkcheck.wild;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponseBody;
import okio.BufferedSink;

/**
 * The provider of one HTTP call: the response body the loopback server streams to it, frame by frame, as
 * the kit's provider signals them. An object is one chunk of HTTP/1.1 chunked encoding holding one line;
 * the normal end is the last, empty chunk; a failure is the connection dropped in the middle of the body
 * (the writer returns without the last chunk and the server shuts the connection, see {@link LoopbackHttp}:
 * the client reads an unexpected end of stream). The server's connection thread writes the frames in the
 * order they were sent, each flushed at once.
 *
 * <p>The provider never learns whether the client read a frame: a write into a socket the client closed
 * may even succeed. So nothing here says whether a signal was accepted; the client side observes it.
 */
final class ServerStream implements MockResponseBody {

    private sealed interface Frame permits Line, End, Drop {}

    private record Line(String text) implements Frame {}

    private record End() implements Frame {}

    /** Drops the connection: the provider's failure, or the adapter hanging up a stream nobody reads any more. */
    private record Drop() implements Frame {}

    private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    private final AtomicInteger linesSent = new AtomicInteger();
    private volatile boolean ended;

    /** Sends {@code object} as one line (its {@code toString}, line breaks replaced). */
    void send(Object object) {
        linesSent.incrementAndGet();
        frames.add(new Line(String.valueOf(object).replace('\n', ' ').replace('\r', ' ')));
    }

    /** The provider's normal end of the body. */
    void end() {
        ended = true;
        frames.add(new End());
    }

    /** The provider's failure: the server drops the connection in the middle of the body. */
    void fail() {
        ended = true;
        frames.add(new Drop());
    }

    /** Ends the server's side of a stream the kit is done with, so that its connection thread returns. */
    void hangUp() { frames.add(new Drop()); }

    /** How many objects the provider sent. */
    int linesSent() { return linesSent.get(); }

    /** Whether the provider has ended the body, normally or not. */
    boolean ended() { return ended; }

    @Override
    public long getContentLength() { return -1; }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
        sink.flush();   // the status line and headers: the client's onResponse runs before any object is sent
        while (true) {
            Frame frame = take();
            if (frame instanceof Line line) {
                byte[] bytes = (line.text() + "\n").getBytes(StandardCharsets.UTF_8);
                sink.writeUtf8(Integer.toHexString(bytes.length)).writeUtf8("\r\n").write(bytes).writeUtf8("\r\n").flush();
            } else if (frame instanceof Drop) {
                return;
            } else {
                sink.writeUtf8("0\r\n\r\n").flush();
                return;
            }
        }
    }

    private Frame take() throws IOException {
        try {
            return frames.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("the server was closed", e);
        }
    }
}
