package org.sinkcheck.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sinkcheck.gate.report.GateReport;
import org.sinkcheck.kit.run.Waivers;

/**
 * Where a long step is goes to stderr, under the step's title, so that stdout stays the report: the title's
 * line is ended before the first progress line, and the outcome follows on a line of its own. A quick step
 * that tells nothing keeps title and outcome on one line.
 */
class ProgressTest {
    @Test
    void aLongStepsProgressGoesToStderr_andStdoutStaysTheReport() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        GateReport report = new GateReport("sink", "Adapter", "./sinkcheck check", Waivers.none());
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8); PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            Progress progress = new Progress(o, e, report, 2);
            progress.step("quick", "a quick step", () -> "done", r -> new Progress.Outcome(true, "HOLD"));
            progress.step("long", "a long step", () -> {
                progress.detail("conformance: exhaustive replay, 4200 of 19193 paths, 0 of 8 walks, 10 s");
                return "done";
            }, r -> new Progress.Outcome(true, "HOLD"));
        }
        List<String> stdout = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(3, stdout.size(), stdout::toString);
        assertTrue(stdout.get(0).matches("\\[1/2] a quick step \\.\\.\\. HOLD \\(\\d+\\.\\d s\\)"), stdout.get(0));
        assertEquals("[2/2] a long step ... ", stdout.get(1));
        assertTrue(stdout.get(2).matches(" {6}\\.\\.\\. HOLD \\(\\d+\\.\\d s\\)"), stdout.get(2));
        assertEquals(List.of("      conformance: exhaustive replay, 4200 of 19193 paths, 0 of 8 walks, 10 s"),
                err.toString(StandardCharsets.UTF_8).lines().toList());
        assertEquals(2, report.steps().size());
    }
}
