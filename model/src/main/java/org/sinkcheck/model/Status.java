package org.sinkcheck.model;

/** A call's status: {@code status[c]} of CancelAll.tla. */
public enum Status {
    UNBORN("unborn"), PENDING("pending"), COMPLETED("completed"), FAILED("failed"), CANCELLED("cancelled");

    private final String tla;

    Status(String tla) { this.tla = tla; }

    /** The TLA+ string value. */
    public String tla() { return tla; }

    public boolean isFinal() { return this == COMPLETED || this == FAILED || this == CANCELLED; }

    public static Status ofTla(String value) {
        for (Status s : values()) if (s.tla.equals(value)) return s;
        throw new IllegalArgumentException("not a CancelAll status: " + value);
    }
}
