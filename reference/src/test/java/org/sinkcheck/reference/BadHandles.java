package org.sinkcheck.reference;

import org.sinkcheck.sink.CallHandle;

/**
 * The three handles a sink must refuse (SC-14, SC-05), against one sink: another sink's handle (its call's
 * context is {@code "foreign"}), a handle no sink issued, and a handle of the sink's own call that has
 * ended (context {@code "stale"}, completed).
 */
record BadHandles(CallHandle foreign, CallHandle forged, CallHandle stale) {

    static BadHandles against(ReferenceSink<Object> sink, RecordingListener heard) {
        CallHandle foreign = heard.newSink().begin("foreign");
        CallHandle forged = new CallHandle() {
            @Override public boolean isCancelled() { return false; }
            @Override public boolean isFinished() { return false; }
        };
        CallHandle stale = sink.begin("stale");
        sink.complete(stale);
        return new BadHandles(foreign, forged, stale);
    }
}
