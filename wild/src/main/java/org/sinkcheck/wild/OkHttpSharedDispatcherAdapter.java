package org.sinkcheck.wild;

import okhttp3.OkHttpClient;

/**
 * OkHttp, one client per sink made with {@code base.newBuilder().build()}: OkHttp's recommended way to
 * customise a client, which shares the base client's connection pool and dispatcher. The sink's cancel,
 * {@code client.dispatcher().cancelAll()}, is the shared dispatcher's, so it cancels the calls of every
 * client made from the same base: the cancellation scope is the dispatcher, not the client (SC-02).
 */
public final class OkHttpSharedDispatcherAdapter extends OkHttpDispatcherAdapter {

    public OkHttpSharedDispatcherAdapter() { super("OkHttp Dispatcher.cancelAll(), newBuilder() clients sharing a dispatcher"); }

    @Override
    OkHttpClient newClient(OkHttpClient base) { return base.newBuilder().build(); }

    /** Nothing of its own: the dispatcher and the pool are the base client's, released with it. */
    @Override
    void release(OkHttpClient client) {}
}
