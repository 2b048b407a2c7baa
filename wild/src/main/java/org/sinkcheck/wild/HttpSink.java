package org.sinkcheck.wild;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.OkHttpClient;
import org.sinkcheck.kit.Events;

/**
 * An OkHttp sink: a client, the loopback server its calls go to, the kit's listener its calls report to,
 * and the calls begun on it (so that the adapter can settle and dispose of them).
 */
public final class HttpSink {
    private final OkHttpClient client;
    private final LoopbackHttp loopback;
    private final Events events;
    private final Set<StreamedCall> calls = ConcurrentHashMap.newKeySet();

    HttpSink(OkHttpClient client, LoopbackHttp loopback, Events events) {
        this.client = client;
        this.loopback = loopback;
        this.events = events;
    }

    OkHttpClient client() { return client; }

    LoopbackHttp loopback() { return loopback; }

    Events events() { return events; }

    Set<StreamedCall> calls() { return calls; }
}
