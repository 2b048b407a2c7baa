package org.sinkcheck.reliability;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.sinkcheck.kit.Capability;
import org.sinkcheck.kit.SinkAdapter;
import org.sinkcheck.model.EventKind;

/** Skips a scenario the adapter under test cannot play, with the reason of the capability it lacks. */
final class Needs {
    private Needs() {}

    static void capability(SinkAdapter<?, ?> adapter, Capability needed) {
        capability(adapter, true, needed);
    }

    /** {@code needed}, if {@code when}: the scenario's variant uses it. */
    static void capability(SinkAdapter<?, ?> adapter, boolean when, Capability needed) {
        assumeTrue(!when || adapter.capabilities().contains(needed), needed.reason());
    }

    /** What a provider needs to make its call's listener hear {@code kind}: progress, or fail. */
    static void toSignal(SinkAdapter<?, ?> adapter, EventKind kind) {
        capability(adapter, kind == EventKind.PROGRESS, Capability.PROGRESS);
        capability(adapter, kind == EventKind.FAILED, Capability.FAIL);
    }
}
