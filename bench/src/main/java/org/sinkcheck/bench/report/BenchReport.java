package org.sinkcheck.bench.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The comparison one bench run produced: every figure as a spread over forks ({@link Spread}), the
 * ratios issue 12 asks for, each target MET, MISSED or UNDECIDED on the ratio's whole spread, and all
 * of it as Markdown. Every ratio is formed from two figures of the same run.
 *
 * <p>The <em>subject</em> is the sink being judged (the reference sink, or an author's adapter); the
 * <em>limit</em> is the bare loop (for cancel: one CAS and one callback per call; for deliver: a token
 * claim and release by CAS around the callback); every other implementation is a <em>peer</em>. "Best
 * peer" is, per benchmark and parameter, the peer with the best median; its spread for a ratio is
 * {@link Spread#best} over all peers, so a verdict holds whichever peer is really the best.
 */
public final class BenchReport {
    public static final String CANCEL = "cancel";
    public static final String BESIDE_NEIGHBOUR = "cancelBesideNeighbour";
    /** The busy neighbour's pending calls; the idle one has none. */
    public static final int BUSY_NEIGHBOUR = 1_000_000;
    public static final String UNTIL_QUIET = "cancelUntilQuiet";
    public static final String BEGIN_COMPLETE_1 = "beginComplete1";
    public static final String BEGIN_COMPLETE_2 = "beginComplete2";
    public static final String DELIVER = "deliver";
    public static final String DELIVER_BATCH = "deliverBatch";
    public static final String EVENT_LOOP = "eventLoop";
    public static final String REVERSE = "reverse";
    /** The method of each shape whose rate is the shape's throughput: the completing side's. */
    static final Map<String, String> COMPLETING = Map.of(EVENT_LOOP, "loopCompletes", REVERSE, "poolCompletes");
    public static final String LIMIT = "limit";

    /** Issue 12, deliverable 4: the bounds the targets are judged on. */
    static final double LIMIT_FACTOR = 1.3;
    static final List<Integer> CANCEL_AT = List.of(1, 100, 10_000, 1_000_000);
    static final int FASTEST_FROM = 100;
    static final double BEGIN_COMPLETE_1_MIN = 1.0;
    static final double BEGIN_COMPLETE_2_MIN = 1.5;
    static final double DELIVER_LIMIT_MIN = 0.9;
    static final int BATCH_AT = 16;
    static final double BATCH_MIN = 0.5;
    static final double ISOLATION_MAX = 1.1;
    static final int ISOLATION_AT = 10_000;

    private final List<Score> scores;
    private final String subject;
    private final boolean subjectBatches;
    private final Map<String, MemoryFigures> memory;
    private final int memoryCalls;
    private final List<Footprint> footprints;
    private final String provenance;

    /**
     * @param scores         the run's JMH results
     * @param subject        the implementation judged against the targets
     * @param subjectBatches whether the subject delivers a batch in one step (else its batch is k deliveries)
     * @param memory         memory figures by implementation (may be empty)
     * @param memoryCalls    the N the memory was measured at
     * @param footprints     what each fork of the event-loop shapes left retained (may be empty)
     * @param provenance     machine, JDK, date, load and duration, one Markdown paragraph
     */
    public BenchReport(List<Score> scores, String subject, boolean subjectBatches, Map<String, MemoryFigures> memory,
                       int memoryCalls, List<Footprint> footprints, String provenance) {
        this.scores = List.copyOf(scores);
        this.subject = subject;
        this.subjectBatches = subjectBatches;
        this.memory = new LinkedHashMap<>(memory);
        this.memoryCalls = memoryCalls;
        this.footprints = List.copyOf(footprints);
        this.provenance = provenance;
    }

    public String subject() { return subject; }

    /** The figure of {@code benchmark} for {@code impl} at these parameters (0: the benchmark has none). */
    public Optional<Spread> figure(String benchmark, String impl, int calls, int neighbourCalls, int batch) {
        return scores.stream()
                .filter(s -> s.benchmark().equals(benchmark) && s.impl().equals(impl) && s.calls() == calls
                        && s.neighbourCalls() == neighbourCalls && s.batch() == batch)
                .map(Score::spread).findFirst();
    }

    /** The figure at {@code calls} pending calls, no neighbour, no batch. */
    public Optional<Spread> figure(String benchmark, String impl, int calls) {
        return figure(benchmark, impl, calls, 0, 0);
    }

    /** Objects per µs of a batch of {@code k}: the batches' rate × k. */
    public Optional<Spread> perObject(String impl, int k) {
        return figure(DELIVER_BATCH, impl, 0, 0, k).map(s -> s.times(k));
    }

    /** Calls per µs of an event-loop shape: the rate of its completing method. */
    public Optional<Spread> shapeThroughput(String shape, String impl) {
        return scores.stream().filter(s -> s.benchmark().equals(shape) && s.impl().equals(impl))
                .map(s -> s.methods().get(COMPLETING.get(shape))).filter(Objects::nonNull).findFirst();
    }

    /** What {@code impl}'s sink retained after each fork of {@code shape}, in bytes (JOL). */
    public Optional<Spread> retainedAfter(String shape, String impl) {
        return forkFigures(shape, impl, f -> (double) f.retainedBytes());
    }

    /** The registry high-water mark after each fork of {@code shape}, where the sink exposes one. */
    public Optional<Spread> highWaterAfter(String shape, String impl) {
        return forkFigures(shape, impl, f -> f.highWaterMark() == null ? null : f.highWaterMark().doubleValue());
    }

    private Optional<Spread> forkFigures(String shape, String impl, Function<Footprint, Double> figure) {
        List<Double> perFork = footprints.stream().filter(f -> f.shape().equals(shape) && f.impl().equals(impl))
                .map(figure).filter(Objects::nonNull).toList();
        return perFork.isEmpty() ? Optional.empty() : Optional.of(Spread.of(perFork));
    }

    /** The median over forks of {@code benchmark} for {@code impl} at {@code calls} pending calls, no neighbour. */
    public OptionalDouble median(String benchmark, String impl, int calls) {
        return median(benchmark, impl, calls, 0);
    }

    /** The same, beside a neighbouring sink with {@code neighbourCalls} pending calls. */
    public OptionalDouble median(String benchmark, String impl, int calls, int neighbourCalls) {
        return figure(benchmark, impl, calls, neighbourCalls, 0).map(s -> OptionalDouble.of(s.median())).orElse(OptionalDouble.empty());
    }

    /** Subject first, then the peers in the order the run measured them, the limit last. */
    public List<String> implementations() {
        Set<String> order = new LinkedHashSet<>();
        order.add(subject);
        scores.stream().map(Score::impl).filter(i -> !i.equals(LIMIT)).forEach(order::add);
        if (scores.stream().anyMatch(s -> s.impl().equals(LIMIT))) order.add(LIMIT);
        return List.copyOf(order);
    }

    public List<String> peers() {
        return implementations().stream().filter(i -> !i.equals(subject) && !i.equals(LIMIT)).toList();
    }

    /** The values of N {@code benchmark} was run at, ascending. */
    public List<Integer> callCounts(String benchmark) {
        return values(benchmark, Score::calls);
    }

    /** The batch sizes {@link #DELIVER_BATCH} was run at, ascending. */
    public List<Integer> batchSizes() {
        return values(DELIVER_BATCH, Score::batch);
    }

    private List<Integer> values(String benchmark, Function<Score, Integer> parameter) {
        return scores.stream().filter(s -> s.benchmark().equals(benchmark)).map(parameter)
                .collect(Collectors.toCollection(TreeSet::new)).stream().toList();
    }

    /** The peer with the best median of {@code figure}; lower is better unless {@code higherIsBetter}. */
    public Optional<String> bestPeer(Function<String, Optional<Spread>> figure, boolean higherIsBetter) {
        String best = null;
        double bestValue = Double.NaN;
        for (String peer : peers()) {
            Optional<Spread> value = figure.apply(peer);
            if (value.isEmpty()) continue;
            double v = value.get().median();
            if (best == null || (higherIsBetter ? v > bestValue : v < bestValue)) {
                best = peer;
                bestValue = v;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The peer with the best median for {@code benchmark} at {@code calls}. */
    public Optional<String> bestPeer(String benchmark, int calls, boolean higherIsBetter) {
        return bestPeer(impl -> figure(benchmark, impl, calls), higherIsBetter);
    }

    /** {@code figure} of the subject over the best peer's, every pairing of forks; empty if either is missing. */
    public Optional<Spread> ratioToBestPeer(Function<String, Optional<Spread>> figure, boolean higherIsBetter) {
        List<Spread> peerFigures = peers().stream().map(figure).flatMap(Optional::stream).toList();
        Optional<Spread> mine = figure.apply(subject);
        if (mine.isEmpty() || peerFigures.isEmpty()) return Optional.empty();
        return Optional.of(mine.get().over(Spread.best(peerFigures, higherIsBetter)));
    }

    /** {@code figure} of the subject over the limit's; empty if either is missing. */
    public Optional<Spread> ratioToLimit(Function<String, Optional<Spread>> figure) {
        Optional<Spread> mine = figure.apply(subject);
        Optional<Spread> limit = figure.apply(LIMIT);
        return mine.isPresent() && limit.isPresent() ? Optional.of(mine.get().over(limit.get())) : Optional.empty();
    }

    /**
     * Cancel latency beside a busy neighbour / beside an idle one, for {@code impl} at {@code calls}: both
     * from {@link #BESIDE_NEIGHBOUR}, so that the ratio compares one benchmark method with itself.
     */
    public Optional<Spread> isolation(String impl, int calls) {
        Optional<Spread> busy = figure(BESIDE_NEIGHBOUR, impl, calls, BUSY_NEIGHBOUR, 0);
        Optional<Spread> idle = figure(BESIDE_NEIGHBOUR, impl, calls, 0, 0);
        return busy.isPresent() && idle.isPresent() ? Optional.of(busy.get().over(idle.get())) : Optional.empty();
    }

    /** Each target of issue 12, deliverable 4, judged on this run. */
    public List<Target> targets() {
        List<Target> targets = new ArrayList<>();
        for (int n : CANCEL_AT) {
            targets.add(Target.atMost("cancel within " + fmt(LIMIT_FACTOR) + "× the limit, N = " + count(n),
                    ratioToLimit(impl -> figure(CANCEL, impl, n)).orElse(null), LIMIT_FACTOR,
                    subject + " / limit, µs per cancel", null));
        }
        for (int n : CANCEL_AT) {
            if (n < FASTEST_FROM) continue;
            targets.add(Target.atMost("cancel the fastest of all, N = " + count(n),
                    ratioToBestPeer(impl -> figure(CANCEL, impl, n), false).orElse(null), 1.0,
                    subject + " / best peer (" + bestPeer(CANCEL, n, false).orElse("none") + "), µs per cancel", null));
        }
        targets.add(Target.atLeast("begin + complete ≥ " + fmt(BEGIN_COMPLETE_1_MIN) + "× the best peer, 1 thread",
                ratioToBestPeer(impl -> figure(BEGIN_COMPLETE_1, impl, 0), true).orElse(null), BEGIN_COMPLETE_1_MIN,
                subject + " / best peer (" + bestPeer(BEGIN_COMPLETE_1, 0, true).orElse("none") + "), ops/µs", null));
        targets.add(Target.atLeast("begin + complete ≥ " + fmt(BEGIN_COMPLETE_2_MIN) + "× the best peer, 2 threads",
                ratioToBestPeer(impl -> figure(BEGIN_COMPLETE_2, impl, 0), true).orElse(null), BEGIN_COMPLETE_2_MIN,
                subject + " / best peer (" + bestPeer(BEGIN_COMPLETE_2, 0, true).orElse("none") + "), ops/µs", null));
        targets.add(Target.atLeast("deliver ≥ " + fmt(DELIVER_LIMIT_MIN) + "× the deliver limit",
                ratioToLimit(impl -> figure(DELIVER, impl, 0)).orElse(null), DELIVER_LIMIT_MIN,
                subject + " / limit (token claim and release by CAS around the callback), deliveries per µs", null));
        Optional<Spread> batchRatio = perObject(subject, BATCH_AT).flatMap(batch -> {
            List<Spread> peerSingles = peers().stream().map(p -> figure(DELIVER, p, 0)).flatMap(Optional::stream).toList();
            return peerSingles.isEmpty() ? Optional.empty() : Optional.of(batch.over(Spread.best(peerSingles, true)));
        });
        targets.add(Target.atLeast("batch delivery, k = " + BATCH_AT + ", objects per µs ≥ " + fmt(BATCH_MIN) + "× the best peer's single delivery",
                batchRatio.orElse(null), BATCH_MIN,
                subject + " batch of " + BATCH_AT + " / best peer's single deliver (" + bestPeer(DELIVER, 0, true).orElse("none") + "), objects per µs",
                subjectBatches ? null : subject + " has no batch method: its batch is " + BATCH_AT + " single deliveries"));
        Optional<String> leanest = peers().stream().filter(memory::containsKey)
                .min((a, b) -> Double.compare(pendingBytes(a), pendingBytes(b)));
        Spread memoryRatio = leanest.isPresent() && memory.containsKey(subject)
                ? Spread.exact(pendingBytes(subject) / pendingBytes(leanest.get())) : null;
        targets.add(Target.atMost("memory per pending call ≤ the best peer's", memoryRatio, 1.0,
                subject + " / " + leanest.orElse("no peer") + ", bytes per pending call", "JOL counts bytes: no fork spread"));
        targets.add(Target.atMost("neighbour isolation ≤ " + fmt(ISOLATION_MAX), isolation(subject, ISOLATION_AT).orElse(null), ISOLATION_MAX,
                subject + " cancel of " + count(ISOLATION_AT) + " beside a sink with " + count(BUSY_NEIGHBOUR) + " pending calls / beside an idle one", null));
        return targets;
    }

    /** The whole report as Markdown. */
    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# sinkcheck bench\n\n").append(provenance).append("\n\n");
        md.append("Every figure is a spread over forks: a fork's figure is the median of its measured iterations, and a cell shows ")
                .append("the median of the forks' figures with their min–max in brackets. A ratio pairs every fork of one side with every ")
                .append("fork of the other (min / max to max / min; the median is the ratio of the medians). A target is MET or MISSED only ")
                .append("when the ratio's whole spread lies on one side of its bound, else UNDECIDED. Subject: `").append(subject)
                .append("`. Limit: for cancel one CAS and one callback per call; for deliver a token claim and release by CAS around the callback.\n\n");
        targetsTable(md);
        latencyTable(md, CANCEL, "Cancel latency: µs until `cancel()` returns, every call observably cancelled");
        latencyTable(md, UNTIL_QUIET, "Cancel until quiet: µs until every final has run and nothing is retained");
        isolationTable(md);
        beginCompleteTable(md);
        deliveryTable(md);
        shapesTable(md);
        memoryTable(md);
        return md.toString();
    }

    private void targetsTable(StringBuilder md) {
        md.append("## Targets (issue 12)\n\n| target | verdict | ratio: median (min–max) | bound | what was compared | reason |\n|---|---|---|---|---|---|\n");
        for (Target t : targets()) {
            md.append("| ").append(t.goal()).append(" | **").append(t.verdict()).append("** | ")
                    .append(cell(Optional.ofNullable(t.ratio()))).append(" | ").append(t.boundText()).append(" | ")
                    .append(t.compared()).append(" | ").append(t.reason()).append(" |\n");
        }
        md.append('\n');
    }

    private void latencyTable(StringBuilder md, String benchmark, String title) {
        List<Integer> ns = callCounts(benchmark);
        if (ns.isEmpty()) return;
        md.append("## ").append(title).append("\n\n| implementation |");
        ns.forEach(n -> md.append(" N = ").append(count(n)).append(" |"));
        md.append("\n|---|").append("---:|".repeat(ns.size())).append('\n');
        for (String impl : implementations()) {
            if (ns.stream().noneMatch(n -> figure(benchmark, impl, n).isPresent())) continue;
            md.append("| ").append(impl).append(" |");
            ns.forEach(n -> md.append(' ').append(cell(figure(benchmark, impl, n))).append(" |"));
            md.append('\n');
        }
        md.append("| *").append(subject).append(" / limit* |");
        ns.forEach(n -> md.append(' ').append(cell(ratioToLimit(impl -> figure(benchmark, impl, n)))).append(" |"));
        md.append("\n| *").append(subject).append(" / best peer* |");
        ns.forEach(n -> md.append(' ').append(cell(ratioToBestPeer(impl -> figure(benchmark, impl, n), false)))
                .append(bestPeer(benchmark, n, false).map(p -> " (" + p + ")").orElse("")).append(" |"));
        md.append("\n\n");
    }

    private void isolationTable(StringBuilder md) {
        List<Integer> ns = callCounts(BESIDE_NEIGHBOUR);
        if (ns.stream().noneMatch(n -> isolation(subject, n).isPresent())) return;
        md.append("## Neighbour isolation: cancel latency beside a sink with ").append(count(BUSY_NEIGHBOUR))
                .append(" pending calls / beside an idle one\n\n")
                .append("| implementation | N | idle neighbour µs | busy neighbour µs | ratio |\n|---|---:|---:|---:|---:|\n");
        for (String impl : implementations()) {
            for (int n : ns) {
                if (figure(BESIDE_NEIGHBOUR, impl, n, BUSY_NEIGHBOUR, 0).isEmpty()) continue;
                md.append("| ").append(impl).append(" | ").append(count(n)).append(" | ")
                        .append(cell(figure(BESIDE_NEIGHBOUR, impl, n, 0, 0))).append(" | ")
                        .append(cell(figure(BESIDE_NEIGHBOUR, impl, n, BUSY_NEIGHBOUR, 0)))
                        .append(" | ").append(cell(isolation(impl, n))).append(" |\n");
            }
        }
        md.append('\n');
    }

    private void beginCompleteTable(StringBuilder md) {
        List<String> columns = List.of(BEGIN_COMPLETE_1, BEGIN_COMPLETE_2);
        if (columns.stream().allMatch(b -> callCounts(b).isEmpty())) return;
        String header = "| implementation | begin + complete, 1 thread | begin + complete, 2 threads |\n|---|---:|---:|\n";
        md.append("## Begin + complete: throughput, ops/µs (higher is better)\n\n").append(header);
        for (String impl : implementations()) {
            if (columns.stream().noneMatch(b -> figure(b, impl, 0).isPresent())) continue;
            md.append("| ").append(impl).append(" |");
            columns.forEach(b -> md.append(' ').append(cell(figure(b, impl, 0))).append(" |"));
            md.append('\n');
        }
        md.append("| *").append(subject).append(" / best peer* |");
        columns.forEach(b -> md.append(' ').append(cell(ratioToBestPeer(impl -> figure(b, impl, 0), true)))
                .append(bestPeer(b, 0, true).map(p -> " (" + p + ")").orElse("")).append(" |"));
        md.append("\n\n");
        if (columns.stream().anyMatch(b -> bytesPerOp(b, subject).isPresent())) {
            md.append("Bytes allocated per begin + complete (JMH `-prof gc`, `gc.alloc.rate.norm`, mean over forks):\n\n").append(header);
            for (String impl : implementations()) {
                if (columns.stream().noneMatch(b -> bytesPerOp(b, impl).isPresent())) continue;
                md.append("| ").append(impl).append(" |");
                columns.forEach(b -> md.append(' ').append(fmt(bytesPerOp(b, impl))).append(" |"));
                md.append('\n');
            }
            md.append('\n');
        }
    }

    private void deliveryTable(StringBuilder md) {
        List<Integer> ks = batchSizes();
        if (callCounts(DELIVER).isEmpty() && ks.isEmpty()) return;
        md.append("## Delivery on one live call: objects per µs (higher is better)\n\n")
                .append("A batch's rate is batches per µs × k. A peer's batch is k single deliveries");
        if (!subjectBatches) md.append(", and so is ").append(subject).append("'s (it has no batch method)");
        md.append("; the limit's takes the call's token once per batch.\n\n| implementation | single delivery |");
        ks.forEach(k -> md.append(" batch of ").append(k).append(" |"));
        md.append("\n|---|---:|").append("---:|".repeat(ks.size())).append('\n');
        for (String impl : implementations()) {
            if (figure(DELIVER, impl, 0).isEmpty() && ks.stream().noneMatch(k -> perObject(impl, k).isPresent())) continue;
            md.append("| ").append(impl).append(" | ").append(cell(figure(DELIVER, impl, 0))).append(" |");
            ks.forEach(k -> md.append(' ').append(cell(perObject(impl, k))).append(" |"));
            md.append('\n');
        }
        md.append("| *").append(subject).append(" / limit* | ").append(cell(ratioToLimit(impl -> figure(DELIVER, impl, 0)))).append(" |");
        ks.forEach(k -> md.append(' ').append(cell(ratioToLimit(impl -> perObject(impl, k)))).append(" |"));
        md.append("\n| *").append(subject).append(" / best peer* | ").append(cell(ratioToBestPeer(impl -> figure(DELIVER, impl, 0), true)))
                .append(bestPeer(DELIVER, 0, true).map(p -> " (" + p + ")").orElse("")).append(" |");
        ks.forEach(k -> md.append(' ').append(cell(ratioToBestPeer(impl -> perObject(impl, k), true))).append(" |"));
        md.append("\n\n");
    }

    private void shapesTable(StringBuilder md) {
        List<String> shapes = List.of(EVENT_LOOP, REVERSE).stream()
                .filter(shape -> implementations().stream().anyMatch(i -> shapeThroughput(shape, i).isPresent())).toList();
        if (shapes.isEmpty()) return;
        boolean highWater = shapes.stream().anyMatch(s -> implementations().stream().anyMatch(i -> highWaterAfter(s, i).isPresent()));
        md.append("## Event-loop shapes: calls begun on some threads, completed on others, no cancel\n\n")
                .append("`eventLoop`: pool threads begin, one thread completes; `reverse`: one thread begins, pool threads complete; ")
                .append("throughput is completed calls per µs. Retained: JOL's size of everything the sink still reaches after the fork's run, ")
                .append("every call completed (bytes, per fork).");
        if (!highWater) md.append(" No sink exposes its registry's high-water mark yet, so that column is left out.");
        md.append("\n\n| implementation |");
        for (String shape : shapes) {
            md.append(" `").append(shape).append("` calls/µs | `").append(shape).append("` retained bytes |");
            if (highWater) md.append(" `").append(shape).append("` high-water mark |");
        }
        md.append("\n|---|").append((highWater ? "---:|---:|---:|" : "---:|---:|").repeat(shapes.size())).append('\n');
        for (String impl : implementations()) {
            if (shapes.stream().noneMatch(s -> shapeThroughput(s, impl).isPresent())) continue;
            md.append("| ").append(impl).append(" |");
            for (String shape : shapes) {
                md.append(' ').append(cell(shapeThroughput(shape, impl))).append(" | ").append(cell(retainedAfter(shape, impl))).append(" |");
                if (highWater) md.append(' ').append(cell(highWaterAfter(shape, impl))).append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
    }

    /** Bytes per operation from JMH's GC profiler, if the run had it. */
    public OptionalDouble bytesPerOp(String benchmark, String impl) {
        return scores.stream()
                .filter(s -> s.benchmark().equals(benchmark) && s.impl().equals(impl) && !Double.isNaN(s.bytesPerOp()))
                .mapToDouble(Score::bytesPerOp).findFirst();
    }

    private double pendingBytes(String impl) { return memory.get(impl).bytesPerPendingCall(); }

    private void memoryTable(StringBuilder md) {
        if (memory.isEmpty()) return;
        String n = count(memoryCalls);
        md.append("## Memory (N = ").append(n).append(" pending calls)\n\n")
                .append("Per pending call: JOL size of a sink with N pending calls minus an empty sink, / N. ")
                .append("Allocated by cancel(): the cancelling thread's allocation counter around one warmed-up cancel of N calls, / N. ")
                .append("Stale handle: JOL size of everything one cancelled call's handle still reaches after that cancel.\n\n")
                .append("| implementation | bytes per pending call | bytes allocated by cancel() per call | bytes a stale handle keeps reachable |\n|---|---:|---:|---:|\n");
        for (String impl : implementations()) {
            MemoryFigures m = memory.get(impl);
            if (m == null) continue;
            md.append("| ").append(impl).append(" | ").append(fmt(m.bytesPerPendingCall())).append(" | ")
                    .append(fmt(m.cancelBytesPerCall())).append(" | ").append(fmt(m.staleHandleReachBytes())).append(" |\n");
        }
        md.append('\n');
    }

    /** A spread as a table cell: {@code median (min–max)}; an exact figure alone; "–" when missing. */
    public static String cell(Optional<Spread> spread) {
        if (spread.isEmpty()) return "–";
        Spread s = spread.get();
        if (s.min() == s.max()) return fmt(s.median());
        return fmt(s.median()) + " (" + fmt(s.min()) + "–" + fmt(s.max()) + ")";
    }

    /** Three significant digits, never in exponent notation; "–" for a missing value. */
    public static String fmt(double value) {
        if (Double.isNaN(value)) return "–";
        if (Double.isInfinite(value)) return value > 0 ? "∞" : "-∞";
        return new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    private static String fmt(OptionalDouble value) {
        return value.isPresent() ? fmt(value.getAsDouble()) : "–";
    }

    /** 1000000 as "1 000 000". */
    static String count(int n) {
        return String.format(Locale.ROOT, "%,d", n).replace(',', ' ');
    }
}
