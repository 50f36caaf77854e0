package org.driftlab.results.export;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.driftlab.results.stats.ConditionStats;
import org.driftlab.results.stats.ConditionTable;
import org.driftlab.results.stats.Summary;
import org.driftlab.results.store.CopyFormat;
import org.driftlab.results.store.Metric;
import org.driftlab.results.store.ResultStore;
import org.driftlab.results.store.StorePaths;
import org.driftlab.results.store.StoreTable;

/** Exports a store table to a file atomically: readers see the old file or the complete new one, never a part. */
public final class Exporter {
    private Exporter() {}

    /** {@code <store dir>/<store base name>-<table>.<ext>}, e.g. results/a.duckdb → results/a-runs.csv. */
    public static Path defaultTarget(Path store, StoreTable table, CopyFormat format) {
        String name =
                StorePaths.baseName(store) + "-" + table.name().toLowerCase(Locale.ROOT) + "." + format.extension();
        return store.toAbsolutePath().resolveSibling(name);
    }

    /**
     * Writes {@code table} of {@code store} (of the runs of sweep {@code sweep}; null: all) to {@code target} in
     * {@code format}, replacing an existing file only once the new one is complete. IllegalArgumentException
     * when the target's directory does not exist or the target is a directory; StoreException when DuckDB
     * cannot write; UncheckedIOException when the rename fails.
     */
    public static Path export(ResultStore store, StoreTable table, String sweep, CopyFormat format, Path target) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (Files.isDirectory(abs)) throw new IllegalArgumentException(target + ": is a directory, not an output file");
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IllegalArgumentException(target + ": its directory " + dir + " does not exist");
        }
        Path tmp = dir.resolve(
                "." + abs.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try {
            if (table == StoreTable.STATS) writeStats(store, sweep, format, tmp);
            else store.copyTo(table, sweep, tmp, format);
            moveAtomically(tmp, abs);
            return abs;
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // a stray temporary file is harmless; the export's own outcome matters
            }
        }
    }

    /**
     * The statistics of every condition and metric, one row each (the statistics package computes them; the
     * store only writes the file): condition id, the swept values as text, metric, runs, diverged runs, n,
     * mean, sd, se, the 95% interval, the median, and the median over all runs with diverged ones as +∞.
     */
    private static void writeStats(ResultStore store, String sweep, CopyFormat format, Path target) {
        ConditionTable table = ConditionTable.of(store.runs(sweep), store.sweptKeys(sweep));
        List<String> columns = new ArrayList<>(List.of("condition_id"));
        List<String> types = new ArrayList<>(List.of("VARCHAR"));
        for (String k : table.keys()) {
            columns.add(k);
            types.add("VARCHAR");
        }
        columns.addAll(List.of(
                "metric",
                "runs",
                "diverged_runs",
                "n",
                "mean",
                "sd",
                "se",
                "ci_low",
                "ci_high",
                "median",
                "median_with_diverged"));
        types.addAll(List.of(
                "VARCHAR", "BIGINT", "BIGINT", "BIGINT", "DOUBLE", "DOUBLE", "DOUBLE", "DOUBLE", "DOUBLE", "DOUBLE",
                "DOUBLE"));
        List<Object[]> rows = new ArrayList<>();
        for (ConditionStats c : table.conditions()) {
            for (Metric m : Metric.values()) {
                List<Object> row = new ArrayList<>(List.of(c.conditionId()));
                for (String k : table.keys())
                    row.add(
                            c.params().containsKey(k)
                                    ? ConditionStats.render(c.params().get(k))
                                    : null);
                Summary s = c.of(m);
                row.addAll(Arrays.asList(
                        m.column(),
                        c.runs(),
                        c.divergedRuns(),
                        s.n(),
                        nullIfNaN(s.mean()),
                        nullIfNaN(s.sd()),
                        nullIfNaN(s.se()),
                        nullIfNaN(s.ciLow()),
                        nullIfNaN(s.ciHigh()),
                        nullIfNaN(s.median()),
                        nullIfNaN(c.medianWithDiverged(m))));
                rows.add(row.toArray());
            }
        }
        store.copyRows(columns, types, rows, target, format);
    }

    private static Double nullIfNaN(double v) {
        return Double.isNaN(v) ? null : v;
    }

    /** Renames {@code from} onto {@code to} atomically (both in one directory). */
    static void moveAtomically(Path from, Path to) {
        try {
            try {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(to + ": cannot write (" + e.getMessage() + ")", e);
        }
    }
}
