package org.sinkcheck.model;

/** What a listener observes of a call: an element of {@code heard[s][c]} in CancelAll.tla. */
public enum EventKind {
    OBJECT, PROGRESS, COMPLETED, FAILED, CANCELLED;

    private final String tla = TlaStrings.of(this);

    /** The TLA+ string value. */
    public String tla() { return tla; }

    /** The final event a call with this final status ends with. */
    public static EventKind finalOf(Status status) {
        return switch (status) {
            case COMPLETED -> COMPLETED;
            case FAILED -> FAILED;
            case CANCELLED -> CANCELLED;
            default -> throw new IllegalArgumentException(status + " is not final");
        };
    }

    public boolean isFinal() { return this != OBJECT && this != PROGRESS; }

    public static EventKind ofTla(String value) { return TlaStrings.parse(EventKind.class, value, "event"); }
}
