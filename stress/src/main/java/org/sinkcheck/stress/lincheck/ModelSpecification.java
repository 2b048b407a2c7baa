package org.sinkcheck.stress.lincheck;

import java.util.Objects;
import java.util.Set;
import org.sinkcheck.model.Action;
import org.sinkcheck.model.Bounds;
import org.sinkcheck.model.Model;
import org.sinkcheck.model.ModelState;

/**
 * Lincheck's sequential specification of {@link SinkOperations}: the same operations applied, one at a
 * time, to the executable model of CancelAll.tla ({@link Model}). A concurrent history of the real sink
 * is linearizable exactly when some order of its operations gives these results. Signals that the model
 * does not enable (an unborn call, a call with its final) are refused.
 */
public final class ModelSpecification {
    private ModelState state = TheModel.MODEL.initial();
    private int begun;

    public int begin(int sink) {
        if (begun == SinkOperations.CALLS) return SinkOperations.NO_CALL;
        state = TheModel.MODEL.apply(state, new Action.Begin(sink, begun));
        return begun++;
    }

    /** Begins call {@code call} on {@code sink}: the three-actor race names its calls ({@link BeginVsBeginVsCancel}). */
    public void begin(int sink, int call) { step(new Action.Begin(sink, call)); }

    public boolean deliver(int call) { return step(new Action.Deliver(call)); }

    public boolean progress(int call) { return step(new Action.Progress(call)); }

    public boolean complete(int call) { return step(new Action.Complete(call)); }

    public boolean fail(int call) { return step(new Action.Fail(call)); }

    public void cancel(int sink) { state = TheModel.MODEL.apply(state, new Action.Cancel(sink)); }

    private boolean step(Action action) {
        if (!TheModel.MODEL.isEnabled(state, action)) return false;
        state = TheModel.MODEL.apply(state, action);
        return true;
    }

    /**
     * The model, out of Lincheck's reach: Lincheck walks the static fields of every class reachable from
     * the specification and fails on a record class's ({@code Bounds}) statics, so no field of this class
     * refers to it.
     */
    private static final class TheModel {
        /** Two sinks, three calls, none endless; a signal bound that no scenario reaches. */
        static final Model MODEL = new Model(new Bounds(SinkOperations.SINKS, SinkOperations.CALLS, Set.of(), 64));
    }

    /** Lincheck merges equal specification states while it searches for a linearization. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ModelSpecification other && begun == other.begun && state.equals(other.state);
    }

    @Override
    public int hashCode() { return Objects.hash(state, begun); }
}
