package org.driftlab.results.plot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.driftlab.results.stats.ConditionStats;
import org.driftlab.results.stats.ConditionTable;
import org.driftlab.results.stats.DetectionTable;
import org.knowm.xchart.XYChart;

/**
 * The ROC-style detection plot (issue 17, item 2): hits per switch against false alarms per 1,000 steps, one
 * point per condition. Conditions that differ only in the threshold key (the varying key whose last segment is
 * {@code tau}) form one line, ordered by τ descending (a higher threshold fires less, so the line runs from the
 * lower left up and right); the line is labelled by the other varying keys (e.g. the evidence model). Without
 * a varying τ each condition is a line of one point.
 */
public final class DetectionPlot {
    /** File name (without extension) of the plot. */
    public static final String NAME = "detection-roc";

    private DetectionPlot() {}

    /** The varying key whose last segment is "tau", or null. */
    public static String tauKey(ConditionTable table) {
        for (String k : table.varyingKeys()) if (ConditionStats.shortKey(k).equals("tau")) return k;
        return null;
    }

    /** The lines of the plot: label, x = false alarms per 1,000 steps, y = hits per switch. */
    public static List<Charts.Line> lines(ConditionTable table, DetectionTable detections) {
        String tau = tauKey(table);
        List<String> others = new ArrayList<>(table.varyingKeys());
        others.remove(tau);
        Map<String, List<DetectionTable.Row>> groups = new LinkedHashMap<>();
        for (DetectionTable.Row r : detections.rows()) {
            String label = others.isEmpty() ? "all conditions" : r.condition().label(others);
            groups.computeIfAbsent(label, k -> new ArrayList<>()).add(r);
        }
        List<Charts.Line> out = new ArrayList<>();
        for (Map.Entry<String, List<DetectionTable.Row>> g : groups.entrySet()) {
            List<DetectionTable.Row> rows = new ArrayList<>(g.getValue());
            if (tau != null)
                rows.sort(Comparator.comparingDouble((DetectionTable.Row r) -> tauOf(r, tau))
                        .reversed());
            double[] x = new double[rows.size()];
            double[] y = new double[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                x[i] = rows.get(i).falseAlarmsPer1000();
                y[i] = rows.get(i).hitsPerSwitch();
            }
            out.add(new Charts.Line(g.getKey(), x, y, null));
        }
        return out;
    }

    /** The chart of {@link #lines}. */
    public static XYChart chart(ConditionTable table, DetectionTable detections) {
        String tau = tauKey(table);
        return Charts.lines(
                "Detection quality per condition" + (tau == null ? "" : ", swept over " + ConditionStats.shortKey(tau)),
                "false alarms per 1,000 steps",
                "hits per switch",
                false,
                false,
                lines(table, detections));
    }

    /** Writes the plot as PNG and SVG into the existing directory {@code outDir}; returns the files. */
    public static List<Path> write(ConditionTable table, DetectionTable detections, Path outDir) {
        return ChartFiles.write(chart(table, detections), outDir, NAME);
    }

    private static double tauOf(DetectionTable.Row r, String tau) {
        Object v = r.condition().params().get(tau);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
