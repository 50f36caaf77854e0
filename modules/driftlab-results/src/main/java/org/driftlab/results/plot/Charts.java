package org.driftlab.results.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.driftlab.results.stats.ConditionStats;
import org.driftlab.results.stats.ConditionTable;
import org.driftlab.results.stats.CurveSummary;
import org.driftlab.results.stats.Summary;
import org.driftlab.results.store.Metric;
import org.driftlab.results.store.StoredRun;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Builds the report's charts from per-condition statistics (package docs). Pure: reads its arguments, returns
 * a new chart; nothing is drawn until a chart is written.
 */
public final class Charts {
    /** Pixel size of every chart. */
    public static final int WIDTH = 1000;

    public static final int HEIGHT = 600;

    /** Every data line solid: XChart would otherwise cycle dash patterns after a few series. */
    private static final BasicStroke SOLID = new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);

    private static final BasicStroke DASHED =
            new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);

    private Charts() {}

    /**
     * Mean binned loss per condition against the step at each bin centre, with 95% bands; when {@code marked}
     * is not null, its true switch steps as dashed vertical lines.
     */
    public static XYChart binnedLoss(ConditionTable table, StoredRun marked) {
        XYChart chart = xyChart("Loss over the stream per condition (mean, 95% CI band)", "step", "binned loss [loss]");
        Map<String, String> labels = legendLabels(table);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double maxStep = 0;
        List<Runnable> lines = new ArrayList<>();
        int i = 0;
        for (ConditionStats c : table.conditions()) {
            CurveSummary curve = c.binnedLoss();
            if (curve.length() == 0) {
                i++;
                continue;
            }
            double[] x = new double[curve.length()];
            for (int b = 0; b < x.length; b++) x[b] = (b + 0.5) * c.steps() / curve.length();
            maxStep = Math.max(maxStep, c.steps());
            for (int b = 0; b < x.length; b++) {
                lo = min(lo, curve.mean()[b], curve.ciLow()[b]);
                hi = max(hi, curve.mean()[b], curve.ciHigh()[b]);
            }
            addBand(chart, labels.get(c.conditionId()), x, curve, i);
            int colour = i++;
            lines.add(() -> addLine(chart, labels.get(c.conditionId()), x, curve.mean(), colour));
        }
        if (marked != null && Double.isFinite(lo)) {
            long[] switches = marked.result().metrics().switchSteps();
            for (int s = 0; s < switches.length; s++) {
                XYSeries m =
                        chart.addSeries("switch " + s, new double[] {switches[s], switches[s]}, new double[] {lo, hi});
                m.setMarker(SeriesMarkers.NONE);
                m.setLineColor(Palette.MARKER);
                m.setLineStyle(DASHED);
                m.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                if (s == 0) m.setLabel("true switches of run " + marked.result().runId());
                else m.setShowInLegend(false);
            }
        }
        lines.forEach(Runnable::run);
        if (maxStep > 0) {
            chart.getStyler().setXAxisMin(0.0);
            chart.getStyler().setXAxisMax(maxStep);
        }
        return chart;
    }

    /** Mean excess loss against the lag after a true switch, per condition, with 95% bands. */
    public static XYChart alignedExcess(ConditionTable table) {
        XYChart chart = xyChart(
                "Excess loss after a task switch (mean, 95% CI band)",
                "steps after a true switch (lag)", "mean excess loss L(θ) − L(w*) [loss]");
        Map<String, String> labels = legendLabels(table);
        List<Runnable> lines = new ArrayList<>();
        int i = 0;
        for (ConditionStats c : table.conditions()) {
            CurveSummary curve = c.alignedExcess();
            double[] x = new double[curve.length()];
            for (int l = 0; l < x.length; l++) x[l] = l;
            if (x.length > 0) addBand(chart, labels.get(c.conditionId()), x, curve, i);
            int colour = i++;
            if (x.length > 0) lines.add(() -> addLine(chart, labels.get(c.conditionId()), x, curve.mean(), colour));
        }
        lines.forEach(Runnable::run);
        return chart;
    }

    /**
     * {@code metric} (mean with 95% interval as error bars) against the swept parameter {@code xKey}, one line
     * per combination of the other varying parameters. An XY chart when every value of {@code xKey} is a
     * number, else a category chart.
     */
    public static Chart<?, ?> metricVsParam(ConditionTable table, Metric metric, String xKey) {
        List<String> others = new ArrayList<>(table.varyingKeys());
        others.remove(xKey);
        Map<String, List<ConditionStats>> lines = new LinkedHashMap<>();
        for (ConditionStats c : table.conditions()) {
            if (!c.params().containsKey(xKey)) continue;
            String label = others.isEmpty() ? metric.column() : c.label(others);
            lines.computeIfAbsent(label, k -> new ArrayList<>()).add(c);
        }
        boolean numeric = table.distinctValues(xKey).stream().allMatch(v -> v instanceof Number);
        String title = metric.axisLabel().replaceFirst(" \\[.*", "") + " against " + ConditionStats.shortKey(xKey)
                + (others.isEmpty() ? "" : ", one line per " + String.join(" × ", shortKeys(others)));
        String yTitle = metric.axisLabel() + ", mean ± 95% CI";
        return numeric
                ? numericVs(lines, metric, xKey, title, yTitle)
                : categoryVs(table, lines, metric, xKey, title, yTitle);
    }

    private static XYChart numericVs(
            Map<String, List<ConditionStats>> lines, Metric metric, String xKey, String title, String yTitle) {
        XYChart chart = xyChart(title, xKey, yTitle);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        int i = 0;
        for (Map.Entry<String, List<ConditionStats>> e : lines.entrySet()) {
            List<double[]> points = new ArrayList<>();
            for (ConditionStats c : e.getValue()) {
                Summary s = c.of(metric);
                if (Double.isNaN(s.mean())) continue;
                double x = ((Number) c.params().get(xKey)).doubleValue();
                double err = Double.isNaN(s.ciHalfWidth()) ? 0 : s.ciHalfWidth();
                points.add(new double[] {x, s.mean(), err});
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
            }
            points.sort((a, b) -> Double.compare(a[0], b[0]));
            if (points.isEmpty()) {
                i++;
                continue;
            }
            double[] x = new double[points.size()];
            double[] y = new double[points.size()];
            double[] err = new double[points.size()];
            for (int p = 0; p < x.length; p++) {
                x[p] = points.get(p)[0];
                y[p] = points.get(p)[1];
                err[p] = points.get(p)[2];
            }
            XYSeries s = chart.addSeries(e.getKey(), x, y, err);
            s.setLineColor(Palette.color(i));
            s.setMarkerColor(Palette.color(i));
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setLineStyle(SOLID);
            i++;
        }
        if (minX > 0 && maxX / minX > 20) chart.getStyler().setXAxisLogarithmic(true);
        return chart;
    }

    private static CategoryChart categoryVs(
            ConditionTable table,
            Map<String, List<ConditionStats>> lines,
            Metric metric,
            String xKey,
            String title,
            String yTitle) {
        CategoryChart chart = new CategoryChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title(title)
                .xAxisTitle(xKey)
                .yAxisTitle(yTitle)
                .build();
        style(chart.getStyler());
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        chart.getStyler().setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        chart.getStyler().setOverlapped(true); // every line's points at the category centre
        List<String> categories = new ArrayList<>();
        for (Object v : table.distinctValues(xKey)) categories.add(ConditionStats.render(v));
        int i = 0;
        for (Map.Entry<String, List<ConditionStats>> e : lines.entrySet()) {
            List<Double> y = new ArrayList<>();
            List<Double> err = new ArrayList<>();
            for (String cat : categories) {
                Summary s = null;
                for (ConditionStats c : e.getValue()) {
                    if (ConditionStats.render(c.params().get(xKey)).equals(cat)) s = c.of(metric);
                }
                y.add(s == null || Double.isNaN(s.mean()) ? null : s.mean());
                err.add(s == null || Double.isNaN(s.ciHalfWidth()) ? 0.0 : s.ciHalfWidth());
            }
            CategorySeries s = chart.addSeries(e.getKey(), categories, y, err);
            s.setLineColor(Palette.color(i));
            s.setMarkerColor(Palette.color(i));
            s.setFillColor(Palette.color(i));
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setLineStyle(SOLID);
            i++;
        }
        return chart;
    }

    /**
     * One line of {@link #lines}: the points (x[i], y[i]) with optional 95% half-widths {@code err} (null: no
     * error bars). Arrays are hand-offs (not copied, not modified).
     */
    public record Line(String label, double[] x, double[] y, double[] err) {
        public Line {
            if (label == null || x == null || y == null)
                throw new IllegalArgumentException("label, x and y must be given");
            if (x.length != y.length || (err != null && err.length != x.length)) {
                throw new IllegalArgumentException("line '" + label + "': x, y (and err) must have equal lengths, got "
                        + x.length + ", " + y.length + (err == null ? "" : ", " + err.length));
            }
        }
    }

    /**
     * Caller-assembled lines on one XY chart in the report's style, for what the store's per-condition tables do
     * not hold (e.g. θ(t) of a trace, or a metric against a parameter for a chosen subset of conditions). Points
     * whose x or y is not finite, or not positive on a logarithmic axis, are left out (with their error bar); a
     * line with no point left is skipped. On a logarithmic y axis an error bar that would reach 0 or below is cut
     * to 99% of its value (XChart draws symmetric bars only). Pure: returns a new chart.
     */
    public static XYChart lines(
            String title, String xTitle, String yTitle, boolean logX, boolean logY, List<Line> lines) {
        XYChart chart = xyChart(title, xTitle, yTitle);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setYAxisLogarithmic(logY);
        int i = 0;
        for (Line line : lines) {
            int colour = i++;
            int n = 0;
            for (int k = 0; k < line.x().length; k++) if (keep(line, k, logX, logY)) n++;
            if (n == 0) continue;
            double[] px = new double[n];
            double[] py = new double[n];
            double[] pe = line.err() == null ? null : new double[n];
            int j = 0;
            for (int k = 0; k < line.x().length; k++) {
                if (!keep(line, k, logX, logY)) continue;
                px[j] = line.x()[k];
                py[j] = line.y()[k];
                if (pe != null) {
                    pe[j] = Double.isFinite(line.err()[k]) ? line.err()[k] : 0.0;
                    // XChart's error bars are symmetric and a log axis cannot show 0: cut the bar at 1% of the value
                    if (logY && pe[j] >= py[j]) pe[j] = 0.99 * py[j];
                }
                j++;
            }
            XYSeries s = pe == null ? chart.addSeries(line.label(), px, py) : chart.addSeries(line.label(), px, py, pe);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setLineColor(Palette.color(colour));
            s.setMarkerColor(Palette.color(colour));
            s.setLineStyle(SOLID);
            s.setMarker(n <= 30 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        }
        return chart;
    }

    private static boolean keep(Line line, int k, boolean logX, boolean logY) {
        double x = line.x()[k];
        double y = line.y()[k];
        return Double.isFinite(x) && Double.isFinite(y) && (!logX || x > 0) && (!logY || y > 0);
    }

    // ------------------------------------------------------------ helpers

    /** Condition id → legend label over the varying keys, made unique with the condition id where needed. */
    private static Map<String, String> legendLabels(ConditionTable table) {
        List<String> keys = table.varyingKeys().isEmpty() ? table.keys() : table.varyingKeys();
        Map<String, Integer> uses = new java.util.HashMap<>();
        for (ConditionStats c : table.conditions()) uses.merge(c.label(keys), 1, Integer::sum);
        Map<String, String> out = new LinkedHashMap<>();
        for (ConditionStats c : table.conditions()) {
            String l = c.label(keys);
            out.put(c.conditionId(), uses.get(l) > 1 ? l + " [" + c.conditionId() + "]" : l);
        }
        return out;
    }

    private static List<String> shortKeys(List<String> keys) {
        List<String> out = new ArrayList<>();
        for (String k : keys) out.add(ConditionStats.shortKey(k));
        return out;
    }

    private static XYChart xyChart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title(title)
                .xAxisTitle(xTitle)
                .yAxisTitle(yTitle)
                .build();
        style(chart.getStyler());
        return chart;
    }

    private static void style(AxesChartStyler st) {
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setPlotBorderColor(Color.GRAY);
        st.setPlotGridLinesColor(new Color(225, 225, 225));
        st.setLegendPosition(Styler.LegendPosition.OutsideE);
        st.setLegendBorderColor(Color.LIGHT_GRAY);
        st.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        st.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        st.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        st.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        st.setChartTitleBoxVisible(false);
        st.setAntiAlias(true);
    }

    /** A filled polygon over each run of consecutive indices whose band is defined. */
    private static void addBand(XYChart chart, String label, double[] x, CurveSummary curve, int colour) {
        int start = 0;
        int segment = 0;
        while (start < x.length) {
            while (start < x.length && !defined(curve, start)) start++;
            int end = start;
            while (end < x.length && defined(curve, end)) end++;
            if (end - start >= 2) {
                int len = end - start;
                double[] px = new double[2 * len];
                double[] py = new double[2 * len];
                for (int k = 0; k < len; k++) {
                    px[k] = x[start + k];
                    py[k] = curve.ciHigh()[start + k];
                    px[2 * len - 1 - k] = x[start + k];
                    py[2 * len - 1 - k] = curve.ciLow()[start + k];
                }
                XYSeries band = chart.addSeries(label + " 95% CI " + segment++, px, py);
                band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
                band.setFillColor(Palette.band(colour));
                band.setLineColor(Palette.band(colour));
                band.setMarker(SeriesMarkers.NONE);
                band.setShowInLegend(false);
            }
            start = end;
        }
    }

    private static boolean defined(CurveSummary c, int i) {
        return Double.isFinite(c.ciLow()[i]) && Double.isFinite(c.ciHigh()[i]);
    }

    /** The mean curve as a line, NaN points left out. */
    private static void addLine(XYChart chart, String label, double[] x, double[] mean, int colour) {
        int n = 0;
        for (double v : mean) if (Double.isFinite(v)) n++;
        if (n == 0) return;
        double[] px = new double[n];
        double[] py = new double[n];
        int k = 0;
        for (int i = 0; i < mean.length; i++) {
            if (Double.isFinite(mean[i])) {
                px[k] = x[i];
                py[k++] = mean[i];
            }
        }
        XYSeries s = chart.addSeries(label, px, py);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setLineColor(Palette.color(colour));
        s.setLineStyle(SOLID);
        s.setMarker(SeriesMarkers.NONE);
    }

    private static double min(double acc, double a, double b) {
        if (Double.isFinite(a)) acc = Math.min(acc, a);
        if (Double.isFinite(b)) acc = Math.min(acc, b);
        return acc;
    }

    private static double max(double acc, double a, double b) {
        if (Double.isFinite(a)) acc = Math.max(acc, a);
        if (Double.isFinite(b)) acc = Math.max(acc, b);
        return acc;
    }
}
