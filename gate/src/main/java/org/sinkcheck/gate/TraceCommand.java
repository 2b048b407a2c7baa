package org.sinkcheck.gate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.sinkcheck.kit.Capability;
import org.sinkcheck.kit.trace.TraceRecorder;
import org.sinkcheck.reference.adapter.ReferenceSinkAdapter;
import org.sinkcheck.trace.TraceFile;
import org.sinkcheck.trace.TraceReport;
import org.sinkcheck.trace.TraceValidator;
import org.sinkcheck.trace.TraceWorkload;
import org.sinkcheck.trace.algo.AlgoSegment;
import org.sinkcheck.trace.algo.AlgoTraceMain;
import org.sinkcheck.trace.algo.AlgoTraceValidator;
import org.sinkcheck.trace.algo.StepTrace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sinkcheck trace}: records a concurrent run of a sink ({@link TraceWorkload}) and has TLC check that
 * the trace is a behaviour of CancelAll.tla ({@link TraceValidator}); or, with {@code --validate FILE},
 * checks a trace recorded elsewhere (an author's own workload through {@code TraceRecorder}). Exit 1 when
 * the trace is rejected: the rule, the unexplained prefix and the command that re-validates the file.
 * With {@code --algo}, the same one level down: the reference sink's own steps, recorded in a child JVM
 * with its step log on ({@code AlgoTraceMain}), checked against CancelAllAlgo.tla ({@link AlgoTraceValidator}).
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

    @Option(names = "--threads", paramLabel = "N",
            description = "request threads (one event-loop thread more; default: 3); with --algo: threads (default: 2)")
    Integer threads;

    @Option(names = "--seed", paramLabel = "N", description = "seed of every random choice (default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--segment", paramLabel = "N",
            description = "cut segments at the first quiet point after N events (default: 200); with --algo: N steps (default: "
                    + AlgoTraceValidator.SEGMENT_STEPS + ")")
    Integer segment;

    @Option(names = "--algo", description = "the reference sink step by step: record (or --validate) its step log and check it against CancelAllAlgo.tla")
    boolean algo;

    @Option(names = "--ops", paramLabel = "N", description = "with --algo: operations per thread and round (default: ${DEFAULT-VALUE})")
    int ops = 50;

    @Option(names = "--rounds", paramLabel = "N", description = "with --algo: rounds, each ending quiet (default: ${DEFAULT-VALUE})")
    int rounds = 20;

    @Override
    public Integer call() {
        if (seconds < 1) throw new GateException("--seconds must be at least 1, not " + seconds);
        if (events < 1) throw new GateException("--events must be at least 1, not " + events);
        if (threads != null && threads < 1) throw new GateException("--threads must be at least 1, not " + threads);
        if (segment != null && segment < 1) throw new GateException("--segment must be at least 1, not " + segment);
        if (algo) return algo();
        int threads = this.threads != null ? this.threads : TraceWorkload.defaults().threads();
        int segment = this.segment != null ? this.segment : TraceValidator.defaults(Path.of(".")).segmentEvents();
        return validate(validate != null ? validate : record(threads), segment, out());
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

    /** {@code --algo}: the reference sink's step log, recorded in a child JVM or read from a file, checked against CancelAllAlgo.tla. */
    private Integer algo() {
        if (!selection.adapterClass().equals(ReferenceSinkAdapter.class.getName())) {
            throw new GateException("--algo checks the reference sink's own steps against CancelAllAlgo.tla: it takes no --sink");
        }
        if (ops < 1) throw new GateException("--ops must be at least 1, not " + ops);
        if (rounds < 1) throw new GateException("--rounds must be at least 1, not " + rounds);
        Path file = validate != null ? validate : recordSteps(threads != null ? threads : 2);
        StepTrace trace;
        List<AlgoSegment> segments;
        AlgoTraceValidator validator = new AlgoTraceValidator(2, WorkFolder.resolve("algo-trace"), Duration.ofMinutes(30));
        if (segment != null) validator = validator.segmentSteps(segment);
        try {
            trace = StepTrace.read(file);
            segments = AlgoSegment.cut(trace, validator.segmentSteps());
        } catch (StepTrace.BadStepLogException | IllegalArgumentException e) {
            throw new GateException(e instanceof StepTrace.BadStepLogException ? e.getMessage() : file + ": " + e.getMessage(), e);
        }
        out().println("validating " + file + " (" + trace.steps() + " steps of " + trace.threads().size() + " threads, "
                + segments.size() + (segments.size() == 1 ? " segment" : " segments") + ") with TLC against CancelAllAlgo.tla ...");
        AlgoTraceValidator.Verdict verdict = validator.validate(trace);
        out().println(verdict.summary());
        if (verdict.error() != null) throw new IllegalStateException("TLC could not check the step log: " + verdict.error());
        if (verdict.accepted()) return Sinkcheck.OK;
        out().println("re-validate: ./sinkcheck trace --algo --validate " + file);
        return Sinkcheck.VIOLATION;
    }

    /**
     * Records the reference sink's steps in a child JVM with {@code -Dsinkcheck.reference.steps=true}: this
     * JVM's reference sink keeps its hooks compiled out (StepLog.ON is fixed at class initialization).
     */
    private Path recordSteps(int threads) {
        Path file = WorkFolder.resolve("algo-trace").resolve("steps-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")) + ".ndjson");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Dsinkcheck.reference.steps=true", "-cp", System.getProperty("java.class.path"), AlgoTraceMain.class.getName(),
                String.valueOf(threads), String.valueOf(ops), String.valueOf(rounds), String.valueOf(seed), file.toString());
        try {
            Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
            Thread pump = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) out().println(line);
                } catch (IOException e) {
                    out().println("sinkcheck trace: lost the recording JVM's output: " + e.getMessage());
                }
            }, "sinkcheck-algo-recorder");
            pump.setDaemon(true);
            pump.start();
            if (!child.waitFor(seconds, TimeUnit.SECONDS)) {
                child.destroyForcibly();
                throw new IllegalStateException("the recording JVM did not end within --seconds " + seconds);
            }
            pump.join(TimeUnit.SECONDS.toMillis(10));
            if (child.exitValue() != 0) throw new IllegalStateException("the recording JVM exited " + child.exitValue());
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the recording JVM: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recording", e);
        }
        return file;
    }

    /** Records the workload on the chosen sink into a new file of the work folder. */
    private Path record(int threads) {
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
