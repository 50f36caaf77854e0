package org.driftlab.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.driftlab.core.belief.NoBeliefSpec;
import org.driftlab.results.export.TableFormat;
import org.driftlab.results.export.TableWriter;
import org.driftlab.results.plot.DetectionPlot;
import org.driftlab.results.replay.ReplayMismatchException;
import org.driftlab.results.replay.RunReplay;
import org.driftlab.results.stats.ConditionStats;
import org.driftlab.results.stats.ConditionTable;
import org.driftlab.results.stats.DetectionTable;
import org.driftlab.results.store.StoredRun;

/**
 * What {@code driftlab report --detection} adds: the per-condition detection table (hits per switch, false
 * alarms per 1,000 steps, the pooled detection delays) and the ROC-style plot ({@link DetectionPlot}). Wiring
 * only: each run's detection window comes from its stored config ({@link RunReplay}), the numbers from
 * {@link DetectionTable}. {@link #prepare} checks everything that can fail on the user's input before anything
 * is printed.
 */
final class DetectionReport {
    private final ConditionTable table;
    private final DetectionTable detections;

    private DetectionReport(ConditionTable table, DetectionTable detections) {
        this.table = table;
        this.detections = detections;
    }

    /**
     * The detection report of {@code runs}.
     *
     * @throws IllegalArgumentException when no run has a task belief (nothing decides resets on evidence, so there
     *                                  is no detection to score), or a run's config cannot be read back
     */
    static DetectionReport prepare(Path store, RunReplay replay, List<StoredRun> runs, List<String> sweptKeys) {
        Map<String, Long> windows = new HashMap<>();
        boolean anyBelief = false;
        for (StoredRun r : runs) {
            RunReplay.Target t;
            try {
                t = replay.target(r);
            } catch (ReplayMismatchException e) {
                throw new IllegalArgumentException(
                        store + ": --detection needs each run's stored config: " + e.getMessage());
            }
            anyBelief |= !(t.spec().belief() instanceof NoBeliefSpec);
            windows.put(r.result().runId(), (long) t.spec().metrics().detectionWindow());
        }
        if (!anyBelief) {
            throw new IllegalArgumentException(store + ": --detection: no run of sweep '"
                    + runs.get(0).sweep() + "' has a task belief (belief = none), so there is no detection to score");
        }
        ConditionTable table = ConditionTable.of(runs, sweptKeys);
        DetectionTable d;
        try {
            d = DetectionTable.of(table, runs, r -> windows.get(r.result().runId()));
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(store + ": " + e.getMessage());
        }
        return new DetectionReport(table, d);
    }

    /** The detection table in {@code format}. */
    String render(TableFormat format) {
        boolean exact = format == TableFormat.CSV || format == TableFormat.JSON;
        List<String> keys = table.keys();
        List<String> header = new ArrayList<>(keys);
        header.addAll(List.of(
                "runs",
                "switches_per_run",
                "hits_per_switch",
                "false_alarms_per_1000",
                "delays",
                "delay_median",
                "delay_p90"));
        List<List<String>> rows = new ArrayList<>();
        for (DetectionTable.Row r : detections.rows()) {
            List<String> row = new ArrayList<>();
            for (String k : keys) {
                Object v = r.condition().params().get(k);
                row.add(v == null ? "" : ConditionStats.render(v));
            }
            row.add(Integer.toString(r.runs()));
            row.add(TableWriter.number(r.switchesPerRun(), exact));
            row.add(TableWriter.number(r.hitsPerSwitch(), exact));
            row.add(TableWriter.number(r.falseAlarmsPer1000(), exact));
            row.add(Integer.toString(r.delays().length));
            row.add(TableWriter.number(r.medianDelay(), exact));
            row.add(TableWriter.number(r.p90Delay(), exact));
            rows.add(row);
        }
        String title = "detection quality per condition (hits: switches detected within each run's detection "
                + "window; means over runs; delays in steps, pooled over runs)";
        return TableWriter.render(title, header, rows, keys.size(), format);
    }

    /** Writes the ROC-style plot into {@code dir} (created if needed) and says so on {@code err}. */
    List<Path> writePlot(Path dir, PrintWriter err) throws java.io.IOException {
        Files.createDirectories(dir);
        List<Path> files = DetectionPlot.write(table, detections, dir);
        err.println("wrote the detection plot (hits per switch against false alarms per 1,000 steps) to "
                + files.get(0).getFileName() + " and .svg");
        return files;
    }
}
