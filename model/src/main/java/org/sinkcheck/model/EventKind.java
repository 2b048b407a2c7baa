package org.sinkcheck.model;

/** What a listener observes of a call: an element of {@code heard[s][c]} in CancelAll.tla. */
public enum EventKind {
    OBJECT("object"), PROGRESS("progress"), COMPLETED("completed"), FAILED("failed"), CANCELLED("cancelled");

    private final String tla;

    EventKind(String tla) { this.tla = tla; }

    public String tla() { return tla; }

    public boolean isFinal() { return this == COMPLETED || this == FAILED || this == CANCELLED; }

    /** The final event a call with this final status ends with. */
    public static EventKind finalOf(Status status) {
        return switch (status) {
            case COMPLETED -> COMPLETED;
            case FAILED -> FAILED;
            case CANCELLED -> CANCELLED;
            default -> throw new IllegalArgumentException(status + " is not final");
        };
    }

    public static EventKind ofTla(String value) {
        for (EventKind k : values()) if (k.tla.equals(value)) return k;
        throw new IllegalArgumentException("not a CancelAll event: " + value);
    }
}
