package org.sinkcheck.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.sinkcheck.bench.report.JmhJson;
import org.sinkcheck.kit.SinkAdapter;
import org.sinkcheck.reference.StepLog;

/**
 * The recording-cost benchmark's states driven by hand, its check that every life was recorded whole,
 * and one in-process JMH run of its variants this JVM can run (the step log's need their forks'
 * {@code -Dsinkcheck.reference.steps=true}, which this JVM lacks). Never a speed threshold.
 */
class RecordingCostBenchmarkTest {

    private static <T extends RecordingCostBenchmark.Plain> T opened(T state, String impl) {
        state.impl = impl;
        state.open();
        return state;
    }

    @Test
    void a_traced_iteration_records_ten_events_a_life_and_passes_its_check() {
        RecordingCostBenchmark.Traced traced = opened(new RecordingCostBenchmark.Traced(), "reference");
        for (int i = 0; i < 1000; i++) assertTrue(traced.life());
        assertEquals(10 * 1000, traced.recorder.size());
        traced.close();

        RecordingCostBenchmark.Traced next = opened(new RecordingCostBenchmark.Traced(), "reference");
        assertEquals(0, next.recorder.size(), "every iteration records into a new recorder");
        assertThrows(IllegalStateException.class, next::close, "an iteration that recorded no life fails its check");
    }

    @Test
    void a_recording_that_lost_a_callback_fails_the_iteration() {
        RecordingCostBenchmark.Traced traced = opened(new RecordingCostBenchmark.Traced(), DeliversSilently.class.getName());
        for (int i = 0; i < 10; i++) traced.life();
        IllegalStateException e = assertThrows(IllegalStateException.class, traced::close);
        assertTrue(e.getMessage().startsWith("the recording is not whole lives: {cb completed=10, cbEnd=10, "), e.getMessage());
    }

    @Test
    void the_step_check_counts_every_action_of_a_life() {
        List<StepLog.Step> two = new ArrayList<>();
        for (int life = 0; life < 2; life++) {
            RecordingCostBenchmark.STEPPED_LIFE.keySet().forEach(step -> {
                String[] words = step.split(" ");
                two.add(new StepLog.Step(words[0], null, "c", 0, words.length > 1 ? words[1] : null, 1, 2));
            });
        }
        RecordingCostBenchmark.requireWholeLives(two, RecordingCostBenchmark.STEPPED_LIFE, RecordingCostBenchmark::signature);

        List<StepLog.Step> lostFinal = new ArrayList<>(two);
        lostFinal.remove(lostFinal.lastIndexOf(two.stream().filter(s -> s.action().equals("SendFinal")).findFirst().orElseThrow()));
        IllegalStateException e = assertThrows(IllegalStateException.class, () ->
                RecordingCostBenchmark.requireWholeLives(lostFinal, RecordingCostBenchmark.STEPPED_LIFE, RecordingCostBenchmark::signature));
        assertTrue(e.getMessage().contains("SendFinal completed=1,"), e.getMessage());
    }

    @Test
    void the_step_log_variants_refuse_a_jvm_without_the_step_log() {
        assertFalse(StepLog.ON);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> opened(new RecordingCostBenchmark.StepsIdle(), "reference"));
        assertEquals("the step log's benchmarks need their forks' -Dsinkcheck.reference.steps=true", e.getMessage());
    }

    @Test
    @Timeout(value = 30)
    void the_api_level_variants_run_under_jmh_and_the_report_pairs_them(@TempDir Path out) throws Exception {
        Path json = out.resolve("jmh-result.json");
        TimeValue time = new TimeValue(20, TimeUnit.MILLISECONDS);
        new Runner(new OptionsBuilder().include(RecordingCostBenchmark.class.getSimpleName() + "\\.(plain|traced)[12]$")
                .forks(0).warmupIterations(0).measurementIterations(1).measurementTime(time)
                .shouldFailOnError(true).resultFormat(ResultFormatType.JSON).result(json.toString()).build()).run();

        ByteArrayOutputStream table = new ByteArrayOutputStream();
        RecordingCostReport.print(JmhJson.read(json), new PrintStream(table, true, StandardCharsets.UTF_8));
        String text = table.toString(StandardCharsets.UTF_8);
        for (String row : List.of("| plain | 1 | 1 |", "| plain | 2 | 1 |", "| traced | 1 | 1 |", "| traced | 2 | 1 |")) {
            assertTrue(text.contains(row), row + " in\n" + text);
        }
        assertEquals(4, text.lines().filter(l -> l.startsWith("| traced | ")).count(), "two figures and two slowdowns:\n" + text);
    }

    /** A broken sink: it accepts a delivery without calling the listener back. */
    public static final class DeliversSilently extends Forwarding<Object, Object> {
        @SuppressWarnings("unchecked")
        public DeliversSilently() { super((SinkAdapter<Object, Object>) Implementation.adapter("reference")); }

        @Override public boolean deliver(Object sink, Object call, Object object) { return true; }
    }
}
