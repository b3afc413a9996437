package org.paydesk.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * The latency chart as SVG, written by hand: one percentile curve per latency run (x: percentile on the usual
 * HdrHistogram log scale 0 %, 90 %, 99 %, 99.9 %, 99.99 %; y: milliseconds), with p50, p99, p99.9 and max in the
 * legend.
 */
final class LatencyChart {

    private static final int WIDTH = 860;
    private static final int HEIGHT = 480;
    private static final int LEFT = 70;
    private static final int RIGHT = 250;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;
    private static final double MAX_NINES = 4; // 99.99 %
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd"};

    private LatencyChart() {
    }

    /**
     * A curve to draw.
     *
     * @param label legend text
     * @param histogram microseconds
     */
    record Series(String label, Histogram histogram) {
    }

    static String svg(String title, List<Series> series) {
        double maxMs = 1;
        for (Series s : series) {
            maxMs = Math.max(maxMs, s.histogram().getMaxValue() / 1000.0);
        }
        double top = niceCeiling(maxMs);
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH,
                HEIGHT));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"15\""
                + " font-weight=\"bold\">%s</text>%n", LEFT, escape(title)));
        // Axes and grid.
        for (int i = 0; i <= 5; i++) {
            double ms = top * i / 5;
            double y = TOP + plotH - plotH * i / 5.0;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\""
                    + " stroke=\"#ddd\"/>%n", LEFT, y, LEFT + plotW, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                    LEFT - 6, y + 4, trim(ms)));
        }
        String[] ticks = {"0%", "90%", "99%", "99.9%", "99.99%"};
        for (int i = 0; i <= MAX_NINES; i++) {
            double x = LEFT + plotW * i / MAX_NINES;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\""
                    + " stroke=\"#ddd\"/>%n", x, TOP, x, TOP + plotH));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x,
                    TOP + plotH + 18, ticks[i]));
        }
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\""
                + " stroke=\"#333\"/>%n", LEFT, TOP, plotW, plotH));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">percentile</text>%n",
                LEFT + plotW / 2, HEIGHT - 10));
        svg.append(String.format(Locale.ROOT, "<text transform=\"translate(16,%d) rotate(-90)\""
                + " text-anchor=\"middle\">latency (ms)</text>%n", TOP + plotH / 2));
        // Curves and legend.
        for (int s = 0; s < series.size(); s++) {
            Series one = series.get(s);
            String colour = COLOURS[s % COLOURS.length];
            List<String> points = new ArrayList<>();
            for (int step = 0; step <= 200; step++) {
                double nines = MAX_NINES * step / 200;
                double percentile = 100 * (1 - Math.pow(10, -nines));
                double ms = one.histogram().getValueAtPercentile(percentile) / 1000.0;
                double x = LEFT + plotW * nines / MAX_NINES;
                double y = TOP + plotH - plotH * Math.min(ms, top) / top;
                points.add(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
            }
            svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\""
                    + " points=\"%s\"/>%n", colour, String.join(" ", points)));
            Latencies.Summary summary = Latencies.Summary.of(one.histogram());
            int lx = LEFT + plotW + 16;
            int ly = TOP + 10 + s * 95;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"4\" fill=\"%s\"/>%n",
                    lx, ly - 4, colour));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s</text>%n", lx + 20,
                    ly, escape(one.label())));
            String[] lines = {"p50 " + trim(summary.p50()) + " ms", "p99 " + trim(summary.p99()) + " ms",
                "p99.9 " + trim(summary.p999()) + " ms", "max " + trim(summary.max()) + " ms"};
            for (int l = 0; l < lines.length; l++) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", lx + 20,
                        ly + 16 * (l + 1), lines[l]));
            }
        }
        return svg.append("</svg>\n").toString();
    }

    private static double niceCeiling(double value) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (value <= step * magnitude) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String trim(double ms) {
        return ms >= 100 ? String.format(Locale.ROOT, "%.0f", ms) : String.format(Locale.ROOT, "%.1f", ms);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
