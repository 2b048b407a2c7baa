package org.sinkcheck.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CancelPlotTest {

    @Test
    void the_plot_is_a_png_a_person_can_open_with_a_line_per_implementation(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("plot.png");
        CancelPlot.write(Fixture.QUICK.report("reference"), png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(CancelPlot.WIDTH, image.getWidth());
        assertEquals(CancelPlot.HEIGHT, image.getHeight());
        // The subject's red line is drawn: some pixels carry exactly its colour.
        assertTrue(countPixels(image, 0xD62728) > 100, "the subject's line is missing");
    }

    @Test
    void a_run_without_cancel_latencies_has_nothing_to_plot(@TempDir Path dir) {
        BenchReport noCancels = new BenchReport(List.of(new Score("deliver", "reference", 0, 0, 0, Spread.exact(1.0), "ops/us", Double.NaN, Map.of())),
                "reference", false, Map.of(), 1, List.of(), "");
        assertThrows(java.io.IOException.class, () -> CancelPlot.write(noCancels, dir.resolve("plot.png")));
    }

    private static int countPixels(BufferedImage image, int rgb) {
        int count = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) count++;
            }
        }
        return count;
    }
}
