package org.sinkcheck.kit;

/** An adapter could not be loaded; the message is one line a person can act on. */
public final class AdapterLoadException extends Exception {
    public AdapterLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
