package org.sinkcheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.sinkcheck.kit.SinkAdapter;
import org.sinkcheck.kit.trace.TraceRecorder;
import org.sinkcheck.mutants.BaseSink;
import org.sinkcheck.mutants.Mutants;
import org.sinkcheck.mutants.SC05_CompleteRacingCancelBothFinal;
import org.sinkcheck.mutants.SC06_BeginRacingCancelLosesCall;
import org.sinkcheck.mutants.SC09_CallbacksOfOneCallOverlap;
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
 */
class TraceValidationTest {
    private static final Path WORK = Path.of("target", "trace-tests");
    private static final long EVENTS = 1_000;
    private static final int RUNS = 4;

    /** Records a run, writes it and validates the file (so that the re-validate line a rejection prints is a command). */
    private static TraceReport recordAndValidate(SinkAdapter<?, ?> adapter, long seed) {
        TraceRecorder recorder = new TraceRecorder();
        TraceWorkload.defaults().seed(seed).run(adapter, recorder, EVENTS, Duration.ofSeconds(20));
        Path file = WORK.resolve(adapter.name() + "-seed-" + seed + ".ndjson");
        recorder.write(file);
        return TraceValidator.defaults(WORK).validate(TraceFile.read(file));
    }

    static String printed(TraceReport report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        report.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void SC01_to_SC16_theReferenceSinksConcurrentTraceIsAccepted() {
        TraceReport report = recordAndValidate(new ReferenceSinkAdapter(), 1);
        assertTrue(report.accepted(), () -> printed(report));
        assertTrue(report.events() >= EVENTS, () -> printed(report));
    }

    @Test
    void SC01_to_SC16_theMutantsCorrectBaseProducesAnAcceptedTrace() {
        TraceReport report = recordAndValidate(new BaseSink.Adapter(), 1);
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
            TraceReport.Rejection r = report.rejection().orElseThrow(() -> new AssertionError(text));
            assertTrue(r.rule().equals(Optional.of(mutant.rule())) || r.alsoFits().equals(Optional.of(mutant.rule())), text);
            assertTrue(text.contains("trace REJECTED by TLC (CancelAll.tla): " + r.rule().orElseThrow().id() + " violated"), text);
            assertTrue(text.contains("the shortest unexplained prefix"), text);
            assertTrue(text.contains("re-validate: ./sinkcheck trace --validate " + WORK.resolve(mutant.name() + "-seed-" + seed + ".ndjson")), text);
            return;
        }
        throw new AssertionError(mutant.name() + ": no rejected trace in " + RUNS + " runs:\n" + accepted);
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
