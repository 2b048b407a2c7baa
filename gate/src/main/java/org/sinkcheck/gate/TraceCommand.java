package org.sinkcheck.gate;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.sinkcheck.kit.Capability;
import org.sinkcheck.kit.trace.TraceRecorder;
import org.sinkcheck.trace.TraceFile;
import org.sinkcheck.trace.TraceReport;
import org.sinkcheck.trace.TraceValidator;
import org.sinkcheck.trace.TraceWorkload;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sinkcheck trace}: records a concurrent run of a sink ({@link TraceWorkload}) and has TLC check that
 * the trace is a behaviour of CancelAll.tla ({@link TraceValidator}); or, with {@code --validate FILE},
 * checks a trace recorded elsewhere (an author's own workload through {@code TraceRecorder}). Exit 1 when
 * the trace is rejected: the rule, the unexplained prefix and the command that re-validates the file.
 */
@Command(name = "trace", usageHelpWidth = 110,
        description = "Record a concurrent run of a sink, or read a recorded trace, and have TLC validate it against the spec.")
final class TraceCommand extends SinkCommand {
    @Option(names = "--validate", paramLabel = "FILE", description = "validate this NDJSON trace instead of recording one")
    Path validate;

    // Long enough for the default 100,000 events on a loaded machine (about 35 s with load 9 on 2 cores).
    @Option(names = "--seconds", paramLabel = "N", description = "record for at most N seconds (default: ${DEFAULT-VALUE})")
    int seconds = 300;

    @Option(names = "--events", paramLabel = "N", description = "record until N events (default: ${DEFAULT-VALUE})")
    long events = 100_000;

    @Option(names = "--threads", paramLabel = "N", description = "request threads (one event-loop thread more; default: ${DEFAULT-VALUE})")
    int threads = TraceWorkload.defaults().threads();

    @Option(names = "--seed", paramLabel = "N", description = "seed of every random choice (default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--segment", paramLabel = "N", description = "cut segments at the first quiet point after N events (default: ${DEFAULT-VALUE})")
    int segment = TraceValidator.defaults(Path.of(".")).segmentEvents();

    @Override
    public Integer call() {
        if (seconds < 1) throw new GateException("--seconds must be at least 1, not " + seconds);
        if (events < 1) throw new GateException("--events must be at least 1, not " + events);
        if (threads < 1) throw new GateException("--threads must be at least 1, not " + threads);
        if (segment < 1) throw new GateException("--segment must be at least 1, not " + segment);
        return validate(validate != null ? validate : record(), segment, out());
    }

    /** Has TLC validate the trace in {@code file} in segments of {@code segment} events, printing the verdict; the exit code. */
    static int validate(Path file, int segment, PrintStream out) {
        TraceFile trace;
        try {
            trace = TraceFile.read(file);
        } catch (TraceFile.BadTraceException e) {
            throw new GateException(e.getMessage(), e);
        }
        out.println("validating " + file + " (" + trace.size() + " events) with TLC against CancelAll.tla ...");
        TraceReport report = TraceValidator.defaults(WorkFolder.resolve("trace")).segmentEvents(segment).validate(trace);
        report.print(out);
        if (report.error().isPresent()) throw new IllegalStateException("TLC could not check the trace: " + report.error().get());
        return report.accepted() ? Sinkcheck.OK : Sinkcheck.VIOLATION;
    }

    /** Records the workload on the chosen sink into a new file of the work folder. */
    private Path record() {
        try (SinkSelection.LoadedSink sink = selection.load()) {
            if (!sink.adapter().capabilities().contains(Capability.THREAD_SAFE)) {
                throw new GateException("adapter " + sink.className() + " does not declare THREAD_SAFE: "
                        + Capability.THREAD_SAFE.reason() + ", so a concurrent run cannot be recorded");
            }
            TraceRecorder recorder = new TraceRecorder();
            TraceWorkload workload = TraceWorkload.defaults().threads(threads).seed(seed);
            int rounds = workload.run(sink.adapter(), recorder, events, Duration.ofSeconds(seconds));
            Path file = WorkFolder.resolve("trace").resolve("trace-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")) + ".ndjson");
            recorder.write(file);
            out().println("recorded " + recorder.size() + " events in " + rounds + " rounds of " + threads
                    + " request threads and an event loop on " + sink.adapter().name() + ": " + file);
            return file;
        }
    }
}
