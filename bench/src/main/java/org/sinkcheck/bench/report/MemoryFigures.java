package org.sinkcheck.bench.report;

/**
 * What one implementation costs in memory, measured by {@code MemoryProbe} at N pending calls.
 *
 * @param bytesPerPendingCall     JOL size of a sink with N pending calls minus an empty one, / N
 * @param cancelBytesPerCall      bytes the cancelling thread allocated during one cancel() of N calls, / N
 * @param staleHandleReachBytes   JOL size of everything one cancelled call's handle still reaches
 */
public record MemoryFigures(double bytesPerPendingCall, double cancelBytesPerCall, long staleHandleReachBytes) {}
