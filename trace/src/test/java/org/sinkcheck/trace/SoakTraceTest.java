package org.sinkcheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sinkcheck.kit.SinkAdapter;
import org.sinkcheck.mutants.Mutants;
import org.sinkcheck.mutants.SC06_BeginRacingCancelLosesCall;
import org.sinkcheck.mutants.kills.KillRecords;
import org.sinkcheck.reference.adapter.ReferenceSinkAdapter;
import org.sinkcheck.reliability.Soak;
import org.sinkcheck.reliability.SoakTotals;
import org.sinkcheck.reliability.SoakTrace;

/**
 * The soak, recorded ({@link SoakTrace}) and validated by TLC: a short recorded soak of the reference sink
 * is a behaviour of CancelAll.tla and passes the soak's own checks; one of a racy mutant is rejected naming
 * its rule (or a rule its log breaks in every linearization, with the note that it fits the mutant's too,
 * as in {@link TraceValidationTest}), up to three soaks until one is rejected. The mutant's soak is longer,
 * since its race is rare (7 of 10 seeds of 2,500 events lose a call): a TLC run costs seconds to start
 * and little per event. Where the soak's own checks name the lost call SC-01 (the cancels after it miss
 * it), the trace names SC-06: its begin raced a cancel.
 */
class SoakTraceTest {
    private static final Path WORK = Path.of("target", "trace-tests", "soak");
    private static final long EVENTS = 1_500;
    private static final long MUTANT_EVENTS = 2_500;
    private static final int RUNS = 3;

    private record Recorded(SoakTotals soak, TraceReport trace) {}

    private static Recorded soak(SinkAdapter<?, ?> adapter, long seed, long events) {
        Path file = WORK.resolve(adapter.name() + "-soak-seed-" + seed + ".ndjson");
        SoakTotals totals = Soak.run(Soak.Options.defaults().adapter(adapter).threads(3).sinks(2).seed(seed).seconds(20)
                .progress(null).trace(SoakTrace.to(file, events)));
        return new Recorded(totals, TraceValidator.defaults(WORK).validate(TraceFile.read(file)));
    }

    @Test
    void SC01_to_SC16_aRecordedSoakOfTheReferenceSinkIsAccepted() {
        Recorded run = soak(new ReferenceSinkAdapter(), 1, EVENTS);
        TraceValidationTest.record(SoakTraceTest.class, KillRecords.REFERENCE, run.trace(), "a recorded soak of " + EVENTS + " events");
        String text = run.soak().summary() + TraceValidationTest.printed(run.trace());
        assertEquals(0, run.soak().violations(), text);
        assertTrue(run.trace().accepted(), text);
        assertTrue(run.trace().events() >= EVENTS && run.soak().quietPoints() > 2, text);
    }

    @Test
    void SC06_aRecordedSoakOfARacyMutantIsRejectedNamingItsRule() throws Exception {
        Mutants.Mutant mutant = new Mutants.Mutant(SC06_BeginRacingCancelLosesCall.class);
        SinkAdapter<?, ?> adapter = (SinkAdapter<?, ?>) Class.forName(mutant.adapterClassName()).getConstructor().newInstance();
        StringBuilder accepted = new StringBuilder();
        for (long seed = 1; seed <= RUNS; seed++) {
            Recorded run = soak(adapter, seed, MUTANT_EVENTS);
            String text = TraceValidationTest.printed(run.trace());
            TraceValidationTest.record(SoakTraceTest.class, mutant.name(), run.trace(), "a recorded soak of " + MUTANT_EVENTS + " events, run " + seed + " of up to " + RUNS);
            if (run.trace().accepted()) {
                accepted.append(run.soak().summary()).append(text);
                continue;
            }
            TraceReport.Rejection r = run.trace().rejection().orElseThrow(() -> new AssertionError(text));
            assertTrue(r.rule().equals(Optional.of(mutant.rule())) || r.alsoFits().equals(Optional.of(mutant.rule())), text);
            return;
        }
        throw new AssertionError(mutant.name() + ": no rejected trace in " + RUNS + " recorded soaks:\n" + accepted);
    }
}
