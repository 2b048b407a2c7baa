package org.sinkcheck.gate;

/**
 * A usage or configuration error the person at the terminal can fix: a missing class, a classpath entry
 * that does not exist, an adapter that cannot be built. Its message is one line; {@link Sinkcheck} prints
 * it and exits 2, with the stack trace of the cause only under {@code --verbose}.
 */
public final class GateException extends RuntimeException {
    public GateException(String oneLine) {
        super(oneLine);
    }

    public GateException(String oneLine, Throwable cause) {
        super(oneLine, cause);
    }
}
