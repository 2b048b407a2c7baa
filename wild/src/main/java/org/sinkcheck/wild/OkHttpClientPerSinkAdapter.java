package org.sinkcheck.wild;

import okhttp3.OkHttpClient;

/**
 * OkHttp, one client with a dispatcher of its own per sink:
 * {@code base.newBuilder().dispatcher(new Dispatcher(pool)).build()}. The sink's cancel,
 * {@code dispatcher().cancelAll()}, reaches exactly the sink's own calls. Disposing of the sink shuts its
 * dispatcher's pool down, as OkHttp's documentation says to release a client's threads.
 */
public final class OkHttpClientPerSinkAdapter extends OkHttpDispatcherAdapter {

    public OkHttpClientPerSinkAdapter() { super("OkHttp Dispatcher.cancelAll(), one client per sink"); }

    @Override
    OkHttpClient newClient(OkHttpClient base) {
        return base.newBuilder().dispatcher(LoopbackHttp.newDispatcher(DispatcherThreads.newPool())).build();
    }

    @Override
    void release(OkHttpClient client) { client.dispatcher().executorService().shutdown(); }
}
