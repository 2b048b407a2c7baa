package org.sinkcheck.bench.peers;

import java.util.List;
import org.sinkcheck.kit.Events;

/**
 * The limit's call: the least a delivery can do and keep the rules. Per delivery it takes the call's
 * token with one CAS, runs the callback, and gives the token back with one CAS; a batch takes the token
 * once for all its objects.
 *
 * <p>Why no conforming sink can skip either step:
 * <ul>
 *   <li><b>The claim.</b> SC-09: two provider threads delivering on one call must not run callbacks of
 *       it at the same time. SC-04 with SC-03: no object callback may start once the call's final has
 *       been decided, so the delivering thread and a cancelling thread must agree on which came first.
 *       Both need one atomic read-modify-write of a word the other side also changes: a plain "read
 *       pending, then call back" leaves a window in which cancel sends {@code onCancelled} and the
 *       object still follows it. (A Dekker store-fence-load pair instead costs the same full fence.)</li>
 *   <li><b>The release.</b> SC-04's in-flight rule: a cancel that arrives while the callback runs may
 *       neither run {@code onCancelled} beside it (SC-09) nor wait for it (SC-11), so it leaves a request
 *       on the call, and the holder must learn of that request in the same atomic step that gives the
 *       token back. A plain store would erase the request and leave the call without a final (SC-03,
 *       SC-10).</li>
 * </ul>
 * The reference sink ({@code ReferenceSink.signal}) does these two CAS and, between them, one volatile
 * read of its sink's current generation: its cancel takes effect by swapping that one field, so a call
 * learns of it by reading the field. That read belongs to its design, not to the rules (a sink whose
 * cancel marks every call by CAS would not need it), so the limit does not pay it. A conforming sink
 * also catches what the listener throws (SC-15); a {@code try} costs nothing until something is thrown,
 * so the limit leaves it out.
 *
 * <p>In the limit nobody else ever touches a held call (the limit is single-threaded), so its release
 * cannot fail and its result is not looked at; a sink would send {@code onCancelled} when it fails.
 */
final class LimitCall extends PeerCall {

    LimitCall(Object context, Events events) {
        super(context, events);
    }

    @Override
    boolean deliver(Object object) {
        if (!claim()) return false;
        events.object(context, object);
        release();
        return true;
    }

    /** A batch: one claim, the callbacks in order, one release. */
    boolean deliverAll(List<?> objects) {
        if (!claim()) return false;
        for (Object object : objects) events.object(context, object);
        release();
        return true;
    }
}
