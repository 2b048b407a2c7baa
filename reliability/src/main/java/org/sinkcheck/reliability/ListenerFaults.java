package org.sinkcheck.reliability;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.sinkcheck.model.Violation;
import org.sinkcheck.rules.Operator;
import org.sinkcheck.rules.Rule;

/**
 * The ledger of exceptions the soak's listeners throw, for SC-15: each must come back through the
 * sink's listener-error channel exactly once, with the context of the call whose callback threw.
 * An exception still in the ledger when the run has quiesced was swallowed.
 */
final class ListenerFaults {
    /** What the soak's listeners throw; no stack trace, because thousands are thrown per second. */
    static final class SoakListenerFault extends RuntimeException {
        SoakListenerFault(String message) {
            super(message, null, false, false);
        }
    }

    private final Map<Throwable, SoakCall> outstanding = new ConcurrentHashMap<>();
    private final LongAdder thrown = new LongAdder();
    private final ViolationLog log;

    ListenerFaults(ViolationLog log) {
        this.log = log;
    }

    /** A new exception for {@code call}'s listener to throw, entered in the ledger. */
    RuntimeException raise(SoakCall call) {
        SoakListenerFault fault = new SoakListenerFault("the soak's listener throws in " + call.name());
        outstanding.put(fault, call);
        thrown.increment();
        return fault;
    }

    /** The sink reported {@code error} from the listener of the call with {@code context}. */
    void reported(Object context, Throwable error) {
        SoakCall call = error == null ? null : outstanding.remove(error);
        if (call == null) {
            log.report(new Violation(Operator.SC15_FaultReported, "the sink reported a listener error that was never thrown, or reported one twice: " + error));
        } else if (call != context) {
            log.report(new Violation(Operator.SC15_FaultReported, "the listener error of " + call.name() + " was reported with another context: " + context));
        }
    }

    /** At quiescence: every exception not yet reported was swallowed. */
    void reportSwallowed() {
        outstanding.forEach((error, call) -> log.report(new Violation(Operator.SC15_FaultReported, "the listener of " + call.name() + " threw, and the sink never reported it")));
        outstanding.clear();
    }

    long thrown() { return thrown.sum(); }
}
