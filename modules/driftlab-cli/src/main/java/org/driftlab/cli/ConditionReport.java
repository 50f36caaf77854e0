package org.driftlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.driftlab.results.export.TableFormat;
import org.driftlab.results.export.TableWriter;
import org.driftlab.results.plot.ReportPlots;
import org.driftlab.results.stats.ConditionTable;
import org.driftlab.results.store.Metric;
import org.driftlab.results.store.ParamColumn;
import org.driftlab.results.store.StorePaths;
import org.driftlab.results.store.StoredRun;

/**
 * The per-condition table and the report plots of some stored runs: what {@code driftlab report} prints, and
 * what {@code run} and {@code submit} print when their sweep ends. Wiring only: the table comes from
 * {@link TableWriter}, the plots from {@link ReportPlots}. Everything that can fail on the user's input
 * (an unknown parameter, a plot directory that is a file) fails before anything is written or printed.
 */
final class ConditionReport {
    private ConditionReport() {}

    /**
     * Prints the table of {@code metric} over {@code runs} (not empty) to {@code out} and, when {@code plotDir}
     * is not null, writes the plots there (created if needed) and says so on {@code err}.
     *
     * @param by      the swept parameter of the metric plot (full key or last segment); null: the default
     * @param marked  the run whose switch times are marked; null: {@link #defaultMarkedRun}
     * @return the plot files written (empty without {@code plotDir})
     * @throws IllegalArgumentException for an unknown {@code by}, or a {@code plotDir} that is not a directory
     */
    static List<Path> print(List<StoredRun> runs, List<ParamColumn> columns, Metric metric, TableFormat format,
                            String by, StoredRun marked, Path plotDir, PrintWriter out, PrintWriter err) throws IOException {
        ConditionTable table = ConditionTable.of(runs, columns);
        String byKey = by == null ? ReportPlots.defaultByKey(table) : ReportPlots.resolveKey(table, by);
        StoredRun mark = marked != null ? marked : defaultMarkedRun(table, runs);
        if (plotDir != null && Files.exists(plotDir) && !Files.isDirectory(plotDir)) {
            throw new IllegalArgumentException(plotDir + ": exists and is not a directory");
        }
        String text = TableWriter.render(table, metric, format);
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

    /** The default plot directory of a store: {@code <store without .duckdb>-report} beside it. */
    static Path defaultPlotDir(Path store) {
        return store.toAbsolutePath().resolveSibling(StorePaths.baseName(store) + "-report");
    }

    /** The first condition's non-diverged run with the smallest seed; any of its runs when all diverged. */
    static StoredRun defaultMarkedRun(ConditionTable table, List<StoredRun> runs) {
        String first = table.conditions().get(0).conditionId();
        return runs.stream().filter(r -> r.result().conditionId().equals(first))
                .min(Comparator.comparing((StoredRun r) -> r.result().metrics().diverged())
                        .thenComparingInt(r -> r.result().seed()).thenComparing(r -> r.result().runId()))
                .orElse(null);
    }
}
