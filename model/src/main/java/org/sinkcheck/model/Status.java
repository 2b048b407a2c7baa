package org.sinkcheck.model;

/** A call's status: {@code status[c]} of CancelAll.tla. */
public enum Status {
    UNBORN, PENDING, COMPLETED, FAILED, CANCELLED;

    private final String tla = TlaStrings.of(this);

    /** The TLA+ string value. */
    public String tla() { return tla; }

    public boolean isFinal() { return this != UNBORN && this != PENDING; }

    public static Status ofTla(String value) { return TlaStrings.parse(Status.class, value, "status"); }
}
