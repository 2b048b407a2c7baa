package org.sinkcheck.trace.algo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sinkcheck.reference.ReferenceSink;
import org.sinkcheck.reference.StepLog;
import org.sinkcheck.reference.StepLog.Step;
import org.sinkcheck.sink.CallHandle;
import org.sinkcheck.sink.SinkListener;

/**
 * What the reference sink logs, step by step, where CancelAllAlgoTrace.tla's mapping assumes it: Java
 * steps CancelAllAlgo treats as stutters are not logged, an idle cancel logs its close and its return,
 * and an open check whose callback throws is logged as SignalCheckThrow's.
 */
class StepLogTest {
    private static final AlgoTraceValidator VALIDATOR =
            new AlgoTraceValidator(1, Path.of("target", "algo-trace"), Duration.ofMinutes(2));

    private static List<String> shown(List<Step> steps) {
        return steps.stream().map(s -> s.action() + (s.call() != null ? " " + s.call() : "") + (s.x() != null ? " " + s.x() : "")).toList();
    }

    private static SinkListener<String> listener(boolean throwing) {
        return new SinkListener<>() {
            @Override public void onObject(String context, Object object) { if (throwing) throw new IllegalStateException("thrown by the test"); }
            @Override public void onProgress(String context, int current, int upperBound, String message) { }
            @Override public void onCompleted(String context) { }
            @Override public void onFailed(String context, Throwable error) { }
            @Override public void onCancelled(String context) { }
        };
    }

    /**
     * A cancel of an idle sink closes its open generation; a second finds it closed and logs the idle
     * close and its return at once; the begin after them makes and installs the successor, which is no
     * step of CancelAllAlgo and is not logged.
     */
    @Test
    void SC07_SC08_idleCancelsLogTheirCloseAndReturn_andTheSuccessorsInstallIsNotLogged() {
        ReferenceSink<String> sink = new ReferenceSink<>(listener(false), (c, e) -> { });
        StepLog.Recording recording = StepLog.start();
        sink.cancel();
        sink.cancel();
        CallHandle call = sink.begin("a");
        sink.complete(call);
        List<List<Step>> log = recording.stop();
        assertEquals(1, log.size());
        assertEquals(List.of("CancelClose closed", "CancelReturn", "CancelClose idle", "CancelReturn",
                "BeginRead c1", "BeginPublish c1", "BeginRecheck c1 open",
                "FinishClaim c1 completed", "FinishCheck c1 open", "FinishDecide c1 completed", "Unlink c1", "SendFinal c1 completed"),
                shown(log.get(0)));
        AlgoTraceValidator.Verdict verdict = VALIDATOR.validate(log);
        assertTrue(verdict.accepted(), verdict.summary());
    }

    /** The listener's choice to throw is known only after its callback: the open check is rewritten as SignalCheckThrow's "throw". */
    @Test
    void SC15_anOpenCheckWhoseCallbackThrowsIsLoggedAsAThrowingCheck() {
        ReferenceSink<String> sink = new ReferenceSink<>(listener(true), (c, e) -> { });
        StepLog.Recording recording = StepLog.start();
        CallHandle call = sink.begin("a");
        sink.deliver(call, "o");
        sink.deliver(call, "o");
        List<List<Step>> log = recording.stop();
        assertEquals(List.of("BeginRead c1", "BeginPublish c1", "BeginRecheck c1 open",
                "SignalClaim c1", "SignalCheck c1 throw", "SignalThrow c1", "Unlink c1", "SendFinal c1 cancelled",
                "ClaimRefused c1 final"), shown(log.get(0)));
        AlgoTraceValidator.Verdict verdict = VALIDATOR.validate(log);
        assertTrue(verdict.accepted(), verdict.summary());
    }
}
