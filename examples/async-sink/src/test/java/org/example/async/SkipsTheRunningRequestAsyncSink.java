package org.example.async;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * The asynchronous sink with a classic bug of sinks that call back on their own threads: {@code cancelAll}
 * skips a request whose item callback is running, meaning to leave its cancel to the end of that callback,
 * which never looks. A cancel from inside an item callback, on the sink's own callback thread, then never
 * ends the running request: no {@code onCancelled}, and the request stays open (SC-16: cancel from inside
 * a callback takes effect, the running callback's own call included).
 */
final class SkipsTheRunningRequestAsyncSink extends AsyncSink {
    SkipsTheRunningRequestAsyncSink(Listener listener, BiConsumer<Object, RuntimeException> failures, Executor executor) {
        super(listener, failures, executor);
    }

    @Override
    protected List<Request> cancellable() {
        return super.cancellable().stream().filter(request -> !hasCallbackInFlight(request)).collect(Collectors.toList());
    }
}
