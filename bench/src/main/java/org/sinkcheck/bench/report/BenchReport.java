package org.sinkcheck.bench.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * The comparison one bench run produced: medians per implementation, the ratios issue 6 asks for
 * (subject / limit, subject / best peer, neighbour isolation, memory per call), each target MET or
 * MISSED, and all of it as Markdown. Every ratio divides two medians of the same run.
 *
 * <p>The <em>subject</em> is the sink being judged (the reference sink, or an author's adapter); the
 * <em>limit</em> is the bare CAS loop; every other implementation is a <em>peer</em>. "Best peer" is
 * the peer with the best median for that very benchmark and N, so it may differ from column to column.
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
    public static final String LIMIT = "limit";

    /** Issue 6, item 4: the bounds the targets are judged on. */
    static final double LIMIT_FACTOR = 1.5;
    static final int LIMIT_AT = 1_000_000;
    static final double PEER_SPEEDUP = 2.0;
    static final int SPEEDUP_FROM = 10_000;
    static final double ISOLATION_MAX = 1.1;

    private final List<Score> scores;
    private final String subject;
    private final Map<String, MemoryFigures> memory;
    private final int memoryCalls;
    private final String provenance;

    /**
     * @param scores       the run's JMH medians
     * @param subject      the implementation judged against the targets
     * @param memory       memory figures by implementation (may be empty)
     * @param memoryCalls  the N the memory was measured at
     * @param provenance   machine, JDK, date and load, one Markdown paragraph
     */
    public BenchReport(List<Score> scores, String subject, Map<String, MemoryFigures> memory, int memoryCalls, String provenance) {
        this.scores = List.copyOf(scores);
        this.subject = subject;
        this.memory = new LinkedHashMap<>(memory);
        this.memoryCalls = memoryCalls;
        this.provenance = provenance;
    }

    public String subject() { return subject; }

    /** The median of {@code benchmark} for {@code impl} at {@code calls} pending calls (0: none), no neighbour. */
    public OptionalDouble median(String benchmark, String impl, int calls) {
        return median(benchmark, impl, calls, 0);
    }

    /** The same, beside a neighbouring sink with {@code neighbourCalls} pending calls. */
    public OptionalDouble median(String benchmark, String impl, int calls, int neighbourCalls) {
        return scores.stream()
                .filter(s -> s.benchmark().equals(benchmark) && s.impl().equals(impl) && s.calls() == calls
                        && s.neighbourCalls() == neighbourCalls)
                .mapToDouble(Score::median).findFirst();
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
        return scores.stream().filter(s -> s.benchmark().equals(benchmark)).map(Score::calls)
                .collect(Collectors.toCollection(TreeSet::new)).stream().toList();
    }

    /** The peer with the best median for {@code benchmark} at {@code calls}; lower is better for latency. */
    public Optional<String> bestPeer(String benchmark, int calls, boolean higherIsBetter) {
        String best = null;
        double bestValue = Double.NaN;
        for (String peer : peers()) {
            OptionalDouble value = median(benchmark, peer, calls);
            if (value.isEmpty()) continue;
            double v = value.getAsDouble();
            if (best == null || (higherIsBetter ? v > bestValue : v < bestValue)) {
                best = peer;
                bestValue = v;
            }
        }
        return Optional.ofNullable(best);
    }

    /** {@code numerator / denominator} of two medians, NaN if either is missing. */
    private double ratio(String benchmark, String numerator, String denominator, int calls) {
        OptionalDouble top = median(benchmark, numerator, calls);
        OptionalDouble bottom = median(benchmark, denominator, calls);
        return top.isPresent() && bottom.isPresent() ? top.getAsDouble() / bottom.getAsDouble() : Double.NaN;
    }

    /** Subject / best peer for {@code benchmark} at {@code calls}, NaN if either is missing. */
    public double ratioToBestPeer(String benchmark, int calls, boolean higherIsBetter) {
        return bestPeer(benchmark, calls, higherIsBetter).map(p -> ratio(benchmark, subject, p, calls)).orElse(Double.NaN);
    }

    /**
     * Cancel latency beside a busy neighbour / beside an idle one, for {@code impl} at {@code calls}: both
     * from {@link #BESIDE_NEIGHBOUR}, so that the ratio compares one benchmark method with itself.
     */
    public double isolation(String impl, int calls) {
        OptionalDouble busy = median(BESIDE_NEIGHBOUR, impl, calls, BUSY_NEIGHBOUR);
        OptionalDouble idle = median(BESIDE_NEIGHBOUR, impl, calls, 0);
        return busy.isPresent() && idle.isPresent() ? busy.getAsDouble() / idle.getAsDouble() : Double.NaN;
    }

    /** Each target of issue 6, item 4, judged on this run. */
    public List<Target> targets() {
        List<Target> targets = new ArrayList<>();
        targets.add(Target.atMost("cancel with N = 1 000 000 within " + LIMIT_FACTOR + "× the limit loop",
                ratio(CANCEL, subject, LIMIT, LIMIT_AT), LIMIT_FACTOR, subject + " / limit at N = 1 000 000"));

        double worstSpeedupRatio = Double.NaN;
        List<String> perN = new ArrayList<>();
        for (int n : callCounts(CANCEL)) {
            if (n < SPEEDUP_FROM) continue;
            double r = ratioToBestPeer(CANCEL, n, false);
            if (Double.isNaN(r)) continue;
            perN.add(fmt(r) + " at N = " + count(n) + " (best peer " + bestPeer(CANCEL, n, false).orElseThrow() + ")");
            worstSpeedupRatio = Double.isNaN(worstSpeedupRatio) ? r : Math.max(worstSpeedupRatio, r);
        }
        targets.add(Target.atMost("at N ≥ 10 000, cancel at least " + PEER_SPEEDUP + "× faster than the best peer",
                worstSpeedupRatio, 1 / PEER_SPEEDUP, perN.isEmpty() ? "no cancel measured at N ≥ 10 000"
                        : subject + " / best peer, the worst N decides: " + String.join("; ", perN)));

        for (String benchmark : List.of(BEGIN_COMPLETE_1, BEGIN_COMPLETE_2)) {
            String threads = benchmark.equals(BEGIN_COMPLETE_1) ? "1 thread" : "2 threads";
            targets.add(Target.atLeast("begin + complete throughput at least the best peer's, " + threads,
                    ratioToBestPeer(benchmark, 0, true), 1.0,
                    subject + " / best peer (" + bestPeer(benchmark, 0, true).orElse("none") + "), ops/µs"));
        }

        double worstIsolation = Double.NaN;
        List<Integer> isolated = new ArrayList<>();
        for (int n : callCounts(BESIDE_NEIGHBOUR)) {
            double r = isolation(subject, n);
            if (Double.isNaN(r)) continue;
            isolated.add(n);
            worstIsolation = Double.isNaN(worstIsolation) ? r : Math.max(worstIsolation, r);
        }
        targets.add(Target.atMost("neighbour-isolation ratio ≤ " + ISOLATION_MAX, worstIsolation, ISOLATION_MAX,
                isolated.isEmpty() ? "no cancel measured beside a busy neighbour"
                        : subject + " cancel beside a sink with 1 000 000 pending calls / beside none, worst of N = "
                        + isolated.stream().map(BenchReport::count).collect(Collectors.joining(", "))));

        Optional<String> leanest = peers().stream().filter(memory::containsKey)
                .min((a, b) -> Double.compare(pendingBytes(a), pendingBytes(b)));
        double memoryRatio = leanest.isPresent() && memory.containsKey(subject)
                ? pendingBytes(subject) / pendingBytes(leanest.get()) : Double.NaN;
        targets.add(Target.atMost("memory per pending call no more than the best peer's", memoryRatio, 1.0,
                subject + " / " + leanest.orElse("no peer") + ", bytes per pending call (JOL)"));
        return targets;
    }

    /** The whole report as Markdown. */
    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# sinkcheck bench\n\n").append(provenance).append("\n\n");
        md.append("Medians of one run, side by side; every ratio divides two medians of this run. ")
                .append("Subject: `").append(subject).append("`. Limit: one CAS and one callback per call, nothing else.\n\n");
        targetsTable(md);
        latencyTable(md, CANCEL, "Cancel latency: µs until `cancel()` returns, every call observably cancelled");
        latencyTable(md, UNTIL_QUIET, "Cancel until quiet: µs until every final has run and nothing is retained");
        isolationTable(md);
        commonPathTable(md);
        memoryTable(md);
        return md.toString();
    }

    private void targetsTable(StringBuilder md) {
        md.append("## Targets (issue 6)\n\n| target | verdict | measured ratio | bound | what was compared |\n|---|---|---|---|---|\n");
        for (Target t : targets()) {
            md.append("| ").append(t.goal()).append(" | **").append(t.verdict()).append("** | ")
                    .append(fmt(t.ratio())).append(" | ").append(t.bound()).append(" | ").append(t.evidence()).append(" |\n");
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
            if (ns.stream().noneMatch(n -> median(benchmark, impl, n).isPresent())) continue;
            md.append("| ").append(impl).append(" |");
            ns.forEach(n -> md.append(' ').append(fmt(median(benchmark, impl, n))).append(" |"));
            md.append('\n');
        }
        md.append("| *").append(subject).append(" / limit* |");
        ns.forEach(n -> md.append(' ').append(fmt(ratio(benchmark, subject, LIMIT, n))).append(" |"));
        md.append("\n| *").append(subject).append(" / best peer* |");
        ns.forEach(n -> md.append(' ').append(fmt(ratioToBestPeer(benchmark, n, false)))
                .append(bestPeer(benchmark, n, false).map(p -> " (" + p + ")").orElse("")).append(" |"));
        md.append("\n\n");
    }

    private void isolationTable(StringBuilder md) {
        List<Integer> ns = callCounts(BESIDE_NEIGHBOUR);
        if (ns.isEmpty()) return;
        md.append("## Neighbour isolation: cancel latency beside a sink with 1 000 000 pending calls / beside none\n\n")
                .append("| implementation | N | idle neighbour µs | busy neighbour µs | ratio |\n|---|---:|---:|---:|---:|\n");
        for (String impl : implementations()) {
            for (int n : ns) {
                if (median(BESIDE_NEIGHBOUR, impl, n, BUSY_NEIGHBOUR).isEmpty()) continue;
                md.append("| ").append(impl).append(" | ").append(count(n)).append(" | ")
                        .append(fmt(median(BESIDE_NEIGHBOUR, impl, n, 0))).append(" | ")
                        .append(fmt(median(BESIDE_NEIGHBOUR, impl, n, BUSY_NEIGHBOUR)))
                        .append(" | ").append(fmt(isolation(impl, n))).append(" |\n");
            }
        }
        md.append('\n');
    }

    private void commonPathTable(StringBuilder md) {
        List<String> columns = List.of(BEGIN_COMPLETE_1, BEGIN_COMPLETE_2, DELIVER);
        if (columns.stream().allMatch(b -> callCounts(b).isEmpty())) return;
        String header = "| implementation | begin + complete, 1 thread | begin + complete, 2 threads | deliver on a live call |\n|---|---:|---:|---:|\n";
        md.append("## Common path: throughput, ops/µs (higher is better)\n\n").append(header);
        commonPathRows(md, columns, (b, impl) -> median(b, impl, 0));
        md.append("| *").append(subject).append(" / best peer* |");
        columns.forEach(b -> md.append(' ').append(fmt(ratioToBestPeer(b, 0, true)))
                .append(bestPeer(b, 0, true).map(p -> " (" + p + ")").orElse("")).append(" |"));
        md.append("\n\n");
        if (columns.stream().anyMatch(b -> bytesPerOp(b, subject).isPresent())) {
            md.append("## Common path: bytes allocated per operation (JMH `-prof gc`, `gc.alloc.rate.norm`)\n\n").append(header);
            commonPathRows(md, columns, this::bytesPerOp);
            md.append('\n');
        }
    }

    private void commonPathRows(StringBuilder md, List<String> columns, BiFunction<String, String, OptionalDouble> cell) {
        for (String impl : implementations()) {
            if (columns.stream().noneMatch(b -> cell.apply(b, impl).isPresent())) continue;
            md.append("| ").append(impl).append(" |");
            columns.forEach(b -> md.append(' ').append(fmt(cell.apply(b, impl))).append(" |"));
            md.append('\n');
        }
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

    /** Three significant digits, never in exponent notation; "–" for a missing value. */
    static String fmt(double value) {
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
