package org.driftlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.driftlab.results.export.TableFormat;
import org.driftlab.results.export.TableWriter;
import org.driftlab.results.plot.ReportPlots;
import org.driftlab.results.stats.BestValue;
import org.driftlab.results.stats.ConditionStats;
import org.driftlab.results.stats.ConditionTable;
import org.driftlab.results.stats.PairedComparison;
import org.driftlab.results.stats.Summary;
import org.driftlab.results.store.Metric;
import org.driftlab.results.store.StorePaths;
import org.driftlab.results.store.StoredRun;

/**
 * The per-condition table, the best value of the plotted parameter, the paired comparison with a baseline and
 * the report plots of some stored runs: what {@code driftlab report} prints, and what {@code run} and
 * {@code submit} print when their sweep ends. Wiring only: the statistics come from the stats package, the
 * tables from {@link TableWriter}, the plots from {@link ReportPlots}. Everything that can fail on the user's
 * input (an unknown parameter or baseline, a plot directory that is a file) fails before anything is written
 * or printed.
 */
final class ConditionReport {
    /** Bootstrap resamples for the interval of the best parameter value. */
    static final int RESAMPLES = 1000;

    private ConditionReport() {}

    /** {@link #print(List, List, Metric, TableFormat, String, StoredRun, Path, String, PrintWriter, PrintWriter)} without a baseline. */
    static List<Path> print(
            List<StoredRun> runs,
            List<String> sweptKeys,
            Metric metric,
            TableFormat format,
            String by,
            StoredRun marked,
            Path plotDir,
            PrintWriter out,
            PrintWriter err)
            throws IOException {
        return print(runs, sweptKeys, metric, format, by, marked, plotDir, null, out, err);
    }

    /**
     * Prints the table of {@code metric} over {@code runs} (not empty) to {@code out}, the best value of the
     * plotted parameter with its bootstrap interval, and with a {@code baseline} the paired comparison of every
     * other condition with it; when {@code plotDir} is not null, writes the plots there (created if needed)
     * and says so on {@code err}.
     *
     * @param by       the swept parameter of the metric plot (full key or last segment); null: the default
     * @param marked   the run whose switch times are marked; null: {@link #defaultMarkedRun}
     * @param baseline a condition's label (as in the table, e.g. "reset=none") or id; null: no comparison
     * @return the plot files written (empty without {@code plotDir})
     * @throws IllegalArgumentException for an unknown {@code by} or {@code baseline}, or a {@code plotDir} that
     *                                  is not a directory
     */
    static List<Path> print(
            List<StoredRun> runs,
            List<String> sweptKeys,
            Metric metric,
            TableFormat format,
            String by,
            StoredRun marked,
            Path plotDir,
            String baseline,
            PrintWriter out,
            PrintWriter err)
            throws IOException {
        ConditionTable table = ConditionTable.of(runs, sweptKeys);
        String byKey = by == null ? ReportPlots.defaultByKey(table) : ReportPlots.resolveKey(table, by);
        StoredRun mark = marked != null ? marked : defaultMarkedRun(table, runs);
        String baselineId = baseline == null ? null : baselineId(table, baseline);
        if (plotDir != null && Files.exists(plotDir) && !Files.isDirectory(plotDir)) {
            throw new IllegalArgumentException(plotDir + ": exists and is not a directory");
        }
        StringBuilder text = new StringBuilder(TableWriter.render(table, metric, format));
        if (byKey != null && format == TableFormat.TABLE) {
            for (BestValue b : BestValue.of(table, runs, byKey, metric, RESAMPLES)) text.append(describe(b, metric));
        }
        if (baselineId != null) {
            text.append(format == TableFormat.TABLE || format == TableFormat.MD ? "\n" : "");
            text.append(pairedTable(table, PairedComparison.of(table, runs, baselineId, metric), format));
        }
        List<Path> files = List.of();
        if (plotDir != null) {
            Files.createDirectories(plotDir);
            files = ReportPlots.write(table, metric, byKey, mark, plotDir);
        }
        out.print(text);
        out.flush();
        if (plotDir != null) {
            err.println("wrote " + files.size() + " plot files to " + plotDir
                    + (byKey == null ? " (one condition: no parameter plot)" : ""));
            err.flush();
        }
        return files;
    }

    /** The condition whose label over the varying keys, label over all keys, or id is {@code name}. */
    private static String baselineId(ConditionTable table, String name) {
        List<String> labels = new ArrayList<>();
        for (ConditionStats c : table.conditions()) {
            String label = c.label(table.varyingKeys());
            if (name.equals(label) || name.equals(c.label()) || name.equals(c.conditionId())) return c.conditionId();
            labels.add(label);
        }
        throw new IllegalArgumentException(
                "--baseline '" + name + "' names no condition (conditions: " + String.join("; ", labels) + ")");
    }

    private static String describe(BestValue b, Metric metric) {
        String line = b.line().isEmpty() ? "" : " at " + ConditionStats.label(b.line());
        // an interval over a parameter's order means something for numbers only; for names, the share says it
        String interval = b.best() instanceof Number
                ? String.format(
                        java.util.Locale.ROOT,
                        "95%% interval %s to %s; ",
                        ConditionStats.render(b.low()),
                        ConditionStats.render(b.high()))
                : "";
        return String.format(
                java.util.Locale.ROOT,
                "lowest mean %s%s: %s = %s (bootstrap over %d seeds: %schosen by %.0f%% of %d resamples)%n",
                metric.column(),
                line,
                ConditionStats.shortKey(b.key()),
                ConditionStats.render(b.best()),
                b.seeds(),
                interval,
                100 * b.share(),
                b.resamples());
    }

    private static String pairedTable(ConditionTable table, PairedComparison pc, TableFormat format) {
        boolean exact = format == TableFormat.CSV || format == TableFormat.JSON;
        List<String> keys = table.keys();
        List<String> header = new ArrayList<>(keys);
        header.addAll(
                List.of("pairs", "diverged", "mean_diff", "ci95_low", "ci95_high", "p", "p_holm", "median_diff_all"));
        List<List<String>> rows = new ArrayList<>();
        long tested = pc.rows().stream().filter(r -> !Double.isNaN(r.p())).count();
        boolean anyDiverged = false;
        for (PairedComparison.Row r : pc.rows()) {
            List<String> row = new ArrayList<>();
            for (String k : keys) {
                Object v = r.condition().params().get(k);
                row.add(v == null ? "" : ConditionStats.render(v));
            }
            row.add(Integer.toString(r.pairs()));
            row.add(Integer.toString(r.divergedPairs()));
            Summary d = r.difference();
            for (double v : new double[] {d.mean(), d.ciLow(), d.ciHigh(), r.p(), r.pHolm(), r.medianWithDiverged()}) {
                row.add(TableWriter.number(v, exact));
            }
            if (r.divergedPairs() > 0 && !exact) {
                row.set(keys.size() + 2, "—" + TableWriter.DIVERGED_MARK);
                anyDiverged = true;
            }
            rows.add(row);
        }
        ConditionStats base = table.conditions().stream()
                .filter(c -> c.conditionId().equals(pc.baselineId()))
                .findFirst()
                .orElseThrow();
        String title = "paired difference in " + pc.metric().axisLabel() + " against " + base.label(table.varyingKeys())
                + " on shared seeds (condition − baseline; 95% CI, paired t; p Holm-corrected over " + tested
                + " tests)";
        String note = anyDiverged
                ? "† a pair with a diverged run has no difference: the row gets no mean or test; "
                        + "median_diff_all counts the condition's diverged run as +∞, the baseline's as −∞\n"
                : "";
        return TableWriter.render(title, header, rows, keys.size(), format) + note;
    }

    /** The default plot directory of a store: {@code <store without .duckdb>-report} beside it. */
    static Path defaultPlotDir(Path store) {
        return store.toAbsolutePath().resolveSibling(StorePaths.baseName(store) + "-report");
    }

    /** The first condition's non-diverged run with the smallest seed; any of its runs when all diverged. */
    static StoredRun defaultMarkedRun(ConditionTable table, List<StoredRun> runs) {
        String first = table.conditions().get(0).conditionId();
        return runs.stream()
                .filter(r -> r.result().conditionId().equals(first))
                .min(Comparator.comparing((StoredRun r) -> r.result().metrics().diverged())
                        .thenComparingInt(r -> r.result().seed())
                        .thenComparing(r -> r.result().runId()))
                .orElse(null);
    }
}
