package org.sinkcheck.reference.adapter;

import org.sinkcheck.kit.SinkAdapter;
import org.sinkcheck.kit.junit.SinkVerification;

/** The reference sink through the kit, exactly as an author would run theirs. */
class ReferenceSinkVerificationTest extends SinkVerification {
    @Override
    protected SinkAdapter<?, ?> adapter() { return new ReferenceSinkAdapter(); }
}
