package org.sinkcheck.reference;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.sinkcheck.sink.SinkListener;

/**
 * A listener for runs of many calls whose context is the call's number: it counts each call's finals
 * in an array (so a call with none or two shows, SC-03) and keeps no context (so only the sink could
 * retain one, SC-13). Listener errors reported to it are kept, in order.
 */
final class Finals implements SinkListener<Integer> {
    private final AtomicIntegerArray finals;
    final ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();

    Finals(int calls) {
        finals = new AtomicIntegerArray(calls);
    }

    ReferenceSink<Integer> newSink() {
        return new ReferenceSink<>(this, (context, error) -> errors.add(error));
    }

    /** Calls numbered below {@code begun} whose final count is not exactly one, as "call n: k finals", at most 5. */
    String wrongFinals(int begun) {
        StringBuilder out = new StringBuilder();
        int wrong = 0;
        for (int i = 0; i < begun; i++) {
            int n = finals.get(i);
            if (n != 1 && wrong++ < 5) out.append("call ").append(i).append(": ").append(n).append(" finals; ");
        }
        return wrong == 0 ? "" : wrong + " calls without exactly one final (SC-03): " + out;
    }

    private void heard(Integer context) {
        finals.incrementAndGet(context);
    }

    @Override public void onObject(Integer context, Object object) { }
    @Override public void onProgress(Integer context, int current, int upperBound, String message) { }
    @Override public void onCompleted(Integer context) { heard(context); }
    @Override public void onFailed(Integer context, Throwable error) { heard(context); }
    @Override public void onCancelled(Integer context) { heard(context); }
}
