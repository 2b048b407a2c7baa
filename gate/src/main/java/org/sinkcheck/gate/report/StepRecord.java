package org.sinkcheck.gate.report;

/** One step of a gate run as it is reported: its name, its one-line outcome, whether it passed, its time. */
public record StepRecord(String name, String outcome, boolean passed, double seconds) {}
