package org.driftlab.results.store;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.driftlab.core.metrics.Measure;
import org.driftlab.core.metrics.RunMetrics;
import org.driftlab.core.sim.RunResult;

/**
 * A scalar per-run quantity summarised across the seeds of a condition (DESIGN §8): its {@code runs} column,
 * its unit (for axis labels) and how to read it from a result. The metrics are the {@link RunMetrics}
 * components marked {@link Measure}, in declaration order, then the run's wall time: nothing here lists
 * them again. NaN means undefined for that run (stored as NULL) and is left out of the statistics.
 */
public final class Metric {
    private static final List<Metric> ALL = declared();

    public static final Metric MEAN_LOSS = parse("mean_loss");
    public static final Metric MEAN_EXCESS_LOSS = parse("mean_excess_loss");
    public static final Metric SWITCHES = parse("switches");
    public static final Metric DETECTIONS = parse("detections");
    public static final Metric MEAN_DETECTION_DELAY = parse("mean_detection_delay");
    public static final Metric FALSE_ALARMS = parse("false_alarms");
    public static final Metric WALL_MS = parse("wall_ms");

    private final String column;
    private final String label;
    private final String unit;
    private final MethodHandle metricGetter; // null: the wall time, which is the result's, not the metrics'

    private Metric(String column, String label, String unit, MethodHandle metricGetter) {
        this.column = column;
        this.label = label;
        this.unit = unit;
        this.metricGetter = metricGetter;
    }

    private static List<Metric> declared() {
        List<Metric> out = new ArrayList<>();
        for (RecordComponent c : RunMetrics.class.getRecordComponents()) {
            Measure m = c.getAnnotation(Measure.class);
            if (m == null) continue;
            try {
                out.add(new Metric(
                        RunColumns.snakeCase(c.getName()),
                        m.label(),
                        m.unit(),
                        MethodHandles.publicLookup().unreflect(c.getAccessor())));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("RunMetrics." + c.getName() + " has no public accessor", e);
            }
        }
        out.add(new Metric("wall_ms", "wall time", "ms", null));
        return List.copyOf(out);
    }

    /** Every metric, in declaration order. */
    public static List<Metric> values() {
        return ALL;
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
        if (metricGetter == null) return result.wallNanos() / 1e6;
        try {
            return ((Number) metricGetter.invoke(result.metrics())).doubleValue();
        } catch (Throwable e) {
            throw new IllegalStateException("cannot read " + column + " of a RunMetrics", e);
        }
    }

    /** The metric named {@code name} (its column, case-insensitive, '-' for '_' allowed). */
    public static Metric parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (Metric m : ALL) {
            if (m.column.equals(n)) return m;
        }
        throw new IllegalArgumentException("unknown metric '" + name + "' (known: " + names() + ")");
    }

    /** The metric names, comma-separated, for help and messages. */
    public static String names() {
        StringBuilder known = new StringBuilder();
        for (Metric m : ALL) known.append(known.length() == 0 ? "" : ", ").append(m.column);
        return known.toString();
    }

    @Override
    public String toString() {
        return column;
    }
}
