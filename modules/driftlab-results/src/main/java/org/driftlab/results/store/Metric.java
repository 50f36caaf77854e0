package org.driftlab.results.store;

import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.driftlab.core.sim.RunResult;

/**
 * A scalar per-run quantity summarised across the seeds of a condition (DESIGN §8): its {@code runs} column,
 * its unit (for axis labels) and how to read it from a result. NaN means undefined for that run (stored as
 * NULL) and is left out of the statistics.
 */
public enum Metric {
    MEAN_LOSS("mean_loss", "mean loss", "loss", r -> r.metrics().meanLoss()),
    MEAN_EXCESS_LOSS("mean_excess_loss", "mean excess loss", "loss", r -> r.metrics().meanExcessLoss()),
    OBJECTIVE("objective", "discounted objective J", "cost", r -> r.metrics().objective()),
    OBJECTIVE_TOTAL("objective_total", "J with each reset's jump at its control cost", "cost",
            r -> r.metrics().objectiveTotal()),
    SWITCHES("switches", "true switches", "count", r -> r.metrics().switches()),
    RESETS("resets", "resets", "count", r -> r.metrics().resets()),
    DETECTIONS("detections", "detected switches", "count", r -> r.metrics().detections()),
    MEAN_DETECTION_DELAY("mean_detection_delay", "mean detection delay", "steps",
            r -> r.metrics().meanDetectionDelay()),
    FALSE_ALARMS("false_alarms", "false alarms", "count", r -> r.metrics().falseAlarms()),
    MISSED_SWITCHES("missed_switches", "missed switches", "count", r -> r.metrics().missedSwitches()),
    FINAL_DISTANCE("final_distance", "final distance to optimum", "‖θ − w*‖", r -> r.metrics().finalDistance()),
    WALL_MS("wall_ms", "wall time", "ms", r -> r.wallNanos() / 1e6);

    private final String column;
    private final String label;
    private final String unit;
    private final ToDoubleFunction<RunResult> read;

    Metric(String column, String label, String unit, ToDoubleFunction<RunResult> read) {
        this.column = column;
        this.label = label;
        this.unit = unit;
        this.read = read;
    }

    /** The {@code runs} column and the metric's name on the command line. */
    public String column() {
        return column;
    }

    /** Axis label with unit, e.g. "mean excess loss [loss]". */
    public String axisLabel() {
        return label + " [" + unit + "]";
    }

    /** The value of this metric in {@code result} (NaN when undefined). */
    public double of(RunResult result) {
        return read.applyAsDouble(result);
    }

    /** The metric named {@code name} (its column, case-insensitive, '-' for '_' allowed). */
    public static Metric parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (Metric m : values()) {
            if (m.column.equals(n)) return m;
        }
        StringBuilder known = new StringBuilder();
        for (Metric m : values()) known.append(known.length() == 0 ? "" : ", ").append(m.column);
        throw new IllegalArgumentException("unknown metric '" + name + "' (known: " + known + ")");
    }
}
