package org.driftlab.results.plot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.driftlab.results.stats.ConditionStats;
import org.driftlab.results.stats.ConditionTable;
import org.driftlab.results.store.Metric;
import org.driftlab.results.store.StoredRun;

/** Chooses and writes the report's plots: which parameter goes on the x axis, file names, PNG + SVG. */
public final class ReportPlots {
    private ReportPlots() {}

    /**
     * The swept key {@code requested} names: a full key, or the last segment of exactly one key
     * ("hazard" for "stream.switching.hazard"). IllegalArgumentException listing the keys otherwise.
     */
    public static String resolveKey(ConditionTable table, String requested) {
        List<String> keys = table.keys();
        if (keys.contains(requested)) return requested;
        List<String> matches = new ArrayList<>();
        for (String k : keys) {
            if (ConditionStats.shortKey(k).equals(requested)) matches.add(k);
        }
        if (matches.size() == 1) return matches.get(0);
        throw new IllegalArgumentException(
                (matches.isEmpty() ? "unknown swept parameter '" : "ambiguous swept parameter '") + requested
                        + "' (swept: " + (keys.isEmpty() ? "none" : String.join(", ", keys)) + ")");
    }

    /**
     * The default x-axis parameter: the first varying key whose values are all numbers, else the first varying
     * key, else null (one condition: nothing to plot against).
     */
    public static String defaultByKey(ConditionTable table) {
        List<String> varying = table.varyingKeys();
        for (String k : varying) {
            if (table.distinctValues(k).stream().allMatch(v -> v instanceof Number)) return k;
        }
        return varying.isEmpty() ? null : varying.get(0);
    }

    /**
     * Writes binned-loss, aligned-excess-loss and (when {@code byKey} is not null) {@code <metric>-vs-<param>}
     * as PNG and SVG into the existing directory {@code outDir}; {@code marked} (may be null) is the run whose
     * switch times are marked. Returns the files written.
     */
    public static List<Path> write(ConditionTable table, Metric metric, String byKey, StoredRun marked, Path outDir) {
        List<Path> files = new ArrayList<>();
        files.addAll(ChartFiles.write(Charts.binnedLoss(table, marked), outDir, "binned-loss"));
        files.addAll(ChartFiles.write(Charts.alignedExcess(table), outDir, "aligned-excess-loss"));
        if (byKey != null) {
            String name = metric.column().replace('_', '-') + "-vs-"
                    + ConditionStats.shortKey(byKey).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
            files.addAll(ChartFiles.write(Charts.metricVsParam(table, metric, byKey), outDir, name));
        }
        return files;
    }
}
