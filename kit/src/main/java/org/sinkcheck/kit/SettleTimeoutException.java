package org.sinkcheck.kit;

/**
 * A {@link SinkAdapter#settle} that did not return within the kit's budget ({@link Settling}): its
 * message is one line naming the action the kit had just performed and what the adapter waited for.
 */
public final class SettleTimeoutException extends RuntimeException {
    public SettleTimeoutException(String message) {
        super(message);
    }
}
