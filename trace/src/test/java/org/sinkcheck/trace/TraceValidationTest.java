package org.sinkcheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.sinkcheck.kit.SinkAdapter;
import org.sinkcheck.kit.trace.TraceRecorder;
import org.sinkcheck.mutants.BaseSink;
import org.sinkcheck.mutants.Mutants;
import org.sinkcheck.mutants.SC05_CompleteRacingCancelBothFinal;
import org.sinkcheck.mutants.SC06_BeginRacingCancelLosesCall;
import org.sinkcheck.mutants.SC06_SecondBeginDuringCloseLost;
import org.sinkcheck.mutants.SC09_CallbacksOfOneCallOverlap;
import org.sinkcheck.mutants.SC11_CancelBlocksOnSlowListener;
import org.sinkcheck.mutants.kills.KillRecords;
import org.sinkcheck.mutants.kills.Tier;
import org.sinkcheck.reference.adapter.ReferenceSinkAdapter;
import org.sinkcheck.rules.Rule;

/**
 * Trace validation's teeth, on small concurrent traces (about 1,000 events each): TLC accepts the traces
 * of the reference sink and of the mutants' correct base, and rejects those of the mutants whose bugs
 * show only under concurrency, naming each one's rule. A race may not show in one short run, so a mutant
 * gets up to four runs with different seeds, each validated whole, until one is rejected; that one must
 * name the mutant's rule, or name a rule the same log breaks in every linearization and say that it fits
 * the mutant's rule too ({@code Rejection.alsoFits}: the callbacks of {@code SC09_CallbacksOfOneCallOverlap}
 * overlap, but when the second one's listener is entered only after the call's onCancelled returned, the
 * log shows an object after onCancelled, SC-04, and no overlap; when both finals of
 * {@code SC05_CompleteRacingCancelBothFinal} go out as the one decided last, the log shows the same final
 * twice, SC-03, as the stress tier also sees it; {@code DiagnosisTest} has each of these logs).
 *
 * <p>Every sink it runs is recorded for the kill-rate table's trace column ({@link KillRecords}, with the
 * rule TLC's verdict named, none if accepted), and every mutant it does not run with the reason: the
 * mutants whose bug shows in one thread are the kit's, and {@code SC11_CancelBlocksOnSlowListener} is not
 * caught here (a cancel that waits for a slow listener is a behaviour of the spec once it returns; time is
 * not in the log). {@code SC06_SecondBeginDuringCloseLost}, which needs two begins racing one cancel, is
 * run and recorded caught or missed; a rejection must name SC-06.
 */
class TraceValidationTest {
    private static final Path WORK = Path.of("target", "trace-tests");
    private static final long EVENTS = 1_000;
    private static final int RUNS = 4;
    /** The subjects this class recorded in the kill records, so that the rest get their reason. */
    private static final Set<String> RECORDED = ConcurrentHashMap.newKeySet();
    private static final String HOW = "a recorded TraceWorkload run of " + EVENTS + " events";

    /** Records a run, writes it and validates the file (so that the re-validate line a rejection prints is a command). */
    private static TraceReport recordAndValidate(SinkAdapter<?, ?> adapter, long seed) {
        TraceRecorder recorder = new TraceRecorder();
        TraceWorkload.defaults().seed(seed).run(adapter, recorder, EVENTS, Duration.ofSeconds(20));
        Path file = WORK.resolve(adapter.name() + "-seed-" + seed + ".ndjson");
        recorder.write(file);
        return TraceValidator.defaults(WORK).validate(TraceFile.read(file));
    }

    /** Records for the kill-rate table what TLC's verdict on {@code subject}'s trace named: its rule, or nothing if accepted. */
    static void record(Class<?> test, String subject, TraceReport report, String how) {
        Optional<TraceReport.Rejection> r = report.rejection();
        String fits = r.flatMap(TraceReport.Rejection::alsoFits).map(rule -> ", the log fits " + rule.id() + " too").orElse("");
        KillRecords.inBuild().ran(Tier.TRACE, test, subject, r.flatMap(TraceReport.Rejection::rule).stream().toList(), how + fits);
        if (test == TraceValidationTest.class) RECORDED.add(subject);
    }

    static String printed(TraceReport report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        report.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void SC01_to_SC16_theReferenceSinksConcurrentTraceIsAccepted() {
        TraceReport report = recordAndValidate(new ReferenceSinkAdapter(), 1);
        record(TraceValidationTest.class, KillRecords.REFERENCE, report, HOW);
        assertTrue(report.accepted(), () -> printed(report));
        assertTrue(report.events() >= EVENTS, () -> printed(report));
    }

    @Test
    void SC01_to_SC16_theMutantsCorrectBaseProducesAnAcceptedTrace() {
        TraceReport report = recordAndValidate(new BaseSink.Adapter(), 1);
        record(TraceValidationTest.class, BaseSink.class.getSimpleName(), report, HOW);
        assertTrue(report.accepted(), () -> printed(report));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(classes = {SC05_CompleteRacingCancelBothFinal.class, SC06_BeginRacingCancelLosesCall.class,
            SC09_CallbacksOfOneCallOverlap.class})
    void SC05_SC06_SC09_eachRacyMutantsTraceIsRejectedNamingItsRule(Class<? extends BaseSink> type) throws Exception {
        Mutants.Mutant mutant = new Mutants.Mutant(type);
        assertTrue(mutant.concurrencyOnly(), mutant.name());
        SinkAdapter<?, ?> adapter = (SinkAdapter<?, ?>) Class.forName(mutant.adapterClassName()).getConstructor().newInstance();
        StringBuilder accepted = new StringBuilder();
        for (long seed = 1; seed <= RUNS; seed++) {
            TraceReport report = recordAndValidate(adapter, seed);
            if (report.accepted()) {
                accepted.append(printed(report));
                continue;
            }
            String text = printed(report);
            record(TraceValidationTest.class, mutant.name(), report, HOW + ", run " + seed + " of up to " + RUNS);
            TraceReport.Rejection r = report.rejection().orElseThrow(() -> new AssertionError(text));
            assertTrue(r.rule().equals(Optional.of(mutant.rule())) || r.alsoFits().equals(Optional.of(mutant.rule())), text);
            assertTrue(text.contains("trace REJECTED by TLC (CancelAll.tla): " + r.rule().orElseThrow().id() + " violated"), text);
            assertTrue(text.contains("the shortest unexplained prefix"), text);
            assertTrue(text.contains("re-validate: ./sinkcheck trace --validate " + WORK.resolve(mutant.name() + "-seed-" + seed + ".ndjson")), text);
            return;
        }
        KillRecords.inBuild().ran(Tier.TRACE, TraceValidationTest.class, mutant.name(), List.of(), RUNS + " " + HOW + "s, all accepted");
        RECORDED.add(mutant.name());
        throw new AssertionError(mutant.name() + ": no rejected trace in " + RUNS + " runs:\n" + accepted);
    }

    /**
     * Two begins racing one cancel's close: the race may not show in a short run, so the mutant gets two
     * runs and its record says whether TLC caught it; a rejection must name SC-06 (the lost call), or a rule
     * that fits SC-06 too, and a rejection that names no rule fails. A lost call is an ordering between
     * calls, and Diagnosis names the shapes {@code DiagnosisTest} pins (a quiet point or a later cancel
     * returned; a call begun after it ended by a cancel, heard or shown by a refusal; a cancel the log
     * places after its begin). Measured 2026-12-03 on 30 seeds of this recording: 1 accepted, 28 named
     * SC-06, 1 named no rule, and this test's seed 1 once another; those two shapes were then taught to
     * Diagnosis, and 20 new runs (seeds 31 to 50) all named SC-06 (docs/trace.md, "Teeth").
     */
    @Test
    void SC06_aSecondBeginDuringCloseIsRejectedAsSC06IfItsRaceShows_andRecordedEitherWay() {
        Mutants.Mutant mutant = new Mutants.Mutant(SC06_SecondBeginDuringCloseLost.class);
        assertTrue(mutant.concurrencyOnly(), mutant.name());
        for (long seed = 1; seed <= 2; seed++) {
            TraceReport report = recordAndValidate(new SC06_SecondBeginDuringCloseLost.Adapter(), seed);
            if (report.accepted()) continue;
            TraceReport.Rejection r = report.rejection().orElseThrow(() -> new AssertionError(printed(report)));
            record(TraceValidationTest.class, mutant.name(), report, HOW + ", run " + seed + " of up to 2");
            assertTrue(r.rule().equals(Optional.of(Rule.SC06)) || r.alsoFits().equals(Optional.of(Rule.SC06)), printed(report));
            return;
        }
        KillRecords.inBuild().ran(Tier.TRACE, TraceValidationTest.class, mutant.name(), List.of(), "2 " + HOW + "s, both accepted: the race did not show");
        RECORDED.add(mutant.name());
    }

    /** The mutants this class does not run, each with the reason, for the kill-rate table's trace column. */
    @AfterAll
    static void recordWhatIsNotRun() {
        for (Mutants.Mutant m : Mutants.ALL) {
            if (RECORDED.contains(m.name())) continue;
            String why = m.type() == SC11_CancelBlocksOnSlowListener.class
                    ? "a cancel that waits for a slow listener is a behaviour of the spec once it returns: time is not in the log (NoDeadlock, the race SC11_CancelVsRunningListener)"
                    : m.concurrencyOnly() ? "not run here" : "its bug shows in one thread: the conformance kit replays it; trace validation runs the racy mutants";
            KillRecords.inBuild().notRun(Tier.TRACE, TraceValidationTest.class, m.name(), why);
        }
    }

    @Test
    void SC03_aHandWrittenTraceWithTwoFinalsIsRejectedAtItsSecondFinal() {
        TraceFile trace = TraceFileTest.lines(
                "{\"seq\":1,\"thread\":1,\"kind\":\"inv\",\"op\":\"begin\",\"sink\":\"s1\",\"call\":\"c1\"}",
                "{\"seq\":2,\"thread\":1,\"kind\":\"ret\",\"op\":\"begin\",\"sink\":\"s1\",\"call\":\"c1\",\"ok\":true}",
                "{\"seq\":3,\"thread\":1,\"kind\":\"inv\",\"op\":\"complete\",\"sink\":\"s1\",\"call\":\"c1\"}",
                "{\"seq\":4,\"thread\":1,\"kind\":\"cb\",\"sink\":\"s1\",\"call\":\"c1\",\"event\":\"completed\"}",
                "{\"seq\":5,\"thread\":1,\"kind\":\"cbEnd\",\"sink\":\"s1\",\"call\":\"c1\"}",
                "{\"seq\":6,\"thread\":1,\"kind\":\"cb\",\"sink\":\"s1\",\"call\":\"c1\",\"event\":\"completed\"}",
                "{\"seq\":7,\"thread\":1,\"kind\":\"cbEnd\",\"sink\":\"s1\",\"call\":\"c1\"}",
                "{\"seq\":8,\"thread\":1,\"kind\":\"ret\",\"op\":\"complete\",\"sink\":\"s1\",\"call\":\"c1\",\"ok\":true}",
                "{\"seq\":9,\"thread\":1,\"kind\":\"quiet\"}");
        TraceReport report = TraceValidator.defaults(WORK).validate(trace);
        assertEquals(Optional.of(Rule.SC03), report.rejection().flatMap(TraceReport.Rejection::rule), printed(report));
        assertEquals(5, report.rejection().get().explained(), printed(report));
        assertTrue(printed(report).contains("  > 6: "), printed(report));
    }
}
