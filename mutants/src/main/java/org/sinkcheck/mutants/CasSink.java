package org.sinkcheck.mutants;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.sinkcheck.sink.SinkListener;

/**
 * A correct control, lock-free throughout: the pending calls are an immutable linked list behind one
 * {@link AtomicReference}. begin pushes and a final unlinks by compare-and-set (the unlink copies the
 * nodes in front of the call); cancel() reads the list once, an immutable snapshot, and decides each
 * call in it: a begin either got in before that read (cancelled) or after it (live).
 */
public class CasSink extends ControlSink {
    /** One node of the immutable list of pending calls. */
    private record Node(Call call, Node next) {}

    private final AtomicReference<Node> head = new AtomicReference<>();

    public CasSink(SinkListener<Object> listener, BiConsumer<Object, Throwable> listenerErrors) {
        super(listener, listenerErrors);
    }

    @Override
    protected void register(Call call) {
        Node h;
        do {
            h = head.get();
        } while (!head.compareAndSet(h, new Node(call, h)));
    }

    @Override
    protected void unregister(Call call) {
        while (true) {
            Node h = head.get();
            Node without = without(h, call);
            if (without == h || head.compareAndSet(h, without)) return;
        }
    }

    /** {@code list} without {@code call}: the same list if it is not there, else the nodes before it copied onto the rest. */
    private static Node without(Node list, Call call) {
        int before = 0;
        Node at = list;
        while (at != null && at.call != call) {
            at = at.next;
            before++;
        }
        if (at == null) return list;
        Call[] prefix = new Call[before];
        Node n = list;
        for (int i = 0; i < before; i++, n = n.next) prefix[i] = n.call;
        Node rest = at.next;
        for (int i = before - 1; i >= 0; i--) rest = new Node(prefix[i], rest);
        return rest;
    }

    @Override
    protected Iterable<Call> registeredCalls() {
        List<Call> calls = new ArrayList<>();
        for (Node n = head.get(); n != null; n = n.next) calls.add(n.call);
        return calls;
    }

    @Override
    protected int registered() {
        int n = 0;
        for (Node node = head.get(); node != null; node = node.next) n++;
        return n;
    }

    /** The kit's adapter for this control. */
    public static final class Adapter extends ControlAdapter {
        public Adapter() { super(CasSink::new); }
    }
}
