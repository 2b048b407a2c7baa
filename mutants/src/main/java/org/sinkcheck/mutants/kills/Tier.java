package org.sinkcheck.mutants.kills;

/** A tier that runs the kit's mutants and controls, a column of the kill-rate table ({@link KillRates}). */
public enum Tier {
    KIT("conformance kit"),
    JCSTRESS("stress races (jcstress)"),
    LINCHECK("Lincheck model checking"),
    SOAK("soak"),
    TRACE("trace validation");

    private final String title;

    Tier(String title) { this.title = title; }

    /** The column's heading. */
    public String title() { return title; }
}
