package org.sinkcheck.kit.junit;

import org.sinkcheck.kit.SinkAdapter;
import org.sinkcheck.kit.reference.ReferenceSinkAdapter;

/** The reference sink through the kit, exactly as an author would run theirs. */
class ReferenceSinkVerificationTest extends SinkVerification {
    @Override
    protected SinkAdapter<?, ?> adapter() { return new ReferenceSinkAdapter(); }
}
