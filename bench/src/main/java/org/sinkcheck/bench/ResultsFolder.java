package org.sinkcheck.bench;

import java.nio.file.Path;
import java.util.List;

/** One results folder of {@code ./sinkcheck bench}: where each of its files is. */
public record ResultsFolder(Path path) {
    /** Every JMH result of the run, every iteration of every fork. */
    public Path jmhResults() { return path.resolve("jmh-result.json"); }

    /** Memory per pending call, allocation by cancel, what a stale handle reaches. */
    public Path memory() { return path.resolve("memory.json"); }

    /** What each fork of the event-loop shapes left retained, one line a fork. */
    public Path footprints() { return path.resolve("footprints.jsonl"); }

    /** Spreads over forks, ratios, each target MET, MISSED or UNDECIDED. */
    public Path table() { return path.resolve("results.md"); }

    /** Log-log cancel latency. */
    public Path plot() { return path.resolve("cancel-latency.png"); }

    /** JMH's own output. */
    public Path log() { return path.resolve("jmh.log"); }

    /** Every file above, in that order. */
    public List<Path> files() { return List.of(jmhResults(), memory(), footprints(), table(), plot(), log()); }
}
