package org.sinkcheck.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.nio.file.Path;
import java.util.OptionalDouble;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The picture of the comparison: median cancel latency against the number of pending calls, both axes
 * logarithmic, one line per implementation; the limit is drawn dashed, as the floor the others are
 * measured against. Rendered headless to PNG.
 */
public final class CancelPlot {
    public static final int WIDTH = 900;
    public static final int HEIGHT = 600;

    private static final Color SUBJECT_COLOUR = new Color(0xD62728);
    /** Distinguishable on white, none of them the subject's red or the limit's black. */
    private static final Color[] PEER_COLOURS = {
        new Color(0x1F77B4), new Color(0x2CA02C), new Color(0xFF7F0E), new Color(0x9467BD), new Color(0x17BECF), new Color(0x8C564B),
    };

    private CancelPlot() {}

    /** A base-10 log axis ticked at whole decades, labelled 1, 10, 100, 1,000, ... (or 0.01). */
    private static LogAxis decadeAxis(String label) {
        LogAxis axis = new LogAxis(label);
        axis.setBase(10);
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        axis.setNumberFormatOverride(new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        axis.setMinorTickMarksVisible(true);
        return axis;
    }

    /** Writes the plot of {@code report}'s cancel latencies to {@code png}. */
    public static void write(BenchReport report, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYSeriesCollection lines = new XYSeriesCollection();
        for (String impl : report.implementations()) {
            XYSeries line = new XYSeries(impl);
            for (int n : report.callCounts(BenchReport.CANCEL)) {
                OptionalDouble micros = report.median(BenchReport.CANCEL, impl, n);
                if (micros.isPresent() && micros.getAsDouble() > 0) line.add(n, micros.getAsDouble());
            }
            if (!line.isEmpty()) lines.addSeries(line);
        }
        if (lines.getSeriesCount() == 0) throw new IOException("no cancel latencies to plot");

        LogAxis calls = decadeAxis("pending calls N");
        LogAxis latency = decadeAxis("cancel latency, µs (median)");
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        XYPlot plot = new XYPlot(lines, calls, latency, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        int peer = 0;
        for (int i = 0; i < lines.getSeriesCount(); i++) {
            boolean limit = BenchReport.LIMIT.equals(lines.getSeriesKey(i));
            boolean subject = report.subject().equals(lines.getSeriesKey(i));
            renderer.setSeriesStroke(i, limit
                    ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f)
                    : new BasicStroke(subject ? 3f : 1.5f));
            renderer.setSeriesPaint(i, limit ? Color.BLACK : subject ? SUBJECT_COLOUR : PEER_COLOURS[peer++ % PEER_COLOURS.length]);
        }
        JFreeChart chart = new JFreeChart("sinkcheck: cancel() with N pending calls", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
    }
}
