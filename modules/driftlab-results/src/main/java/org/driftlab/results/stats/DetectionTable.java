package org.driftlab.results.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.driftlab.core.metrics.Detections;
import org.driftlab.core.metrics.RunMetrics;
import org.driftlab.results.store.StoredRun;

/**
 * Detection quality per condition (issue 17, item 2), from what the store holds for each run: its true switch
 * steps and reset steps, matched with the run's own detection window w ({@link Detections}, the rule the stored
 * {@code detections}, {@code false_alarms} and {@code mean_detection_delay} were computed with).
 *
 * <p>Per condition: {@code hitsPerSwitch} is the mean over runs with at least one switch of hits / switches
 * (NaN when no run had a switch); {@code falseAlarmsPer1000} the mean over runs of 1000 · false alarms / steps;
 * the delays are every detected switch's delay in steps, pooled over the condition's runs (ascending), with their
 * median and 90th percentile (nearest rank; NaN when none). A diverged run's steps are the ones it ran.
 *
 * @param rows one per condition, in table order
 */
public record DetectionTable(List<Row> rows) {
    /** One condition's detection quality; {@code delays} ascending, a hand-off. */
    public record Row(
            ConditionStats condition,
            int runs,
            double switchesPerRun,
            double hitsPerSwitch,
            double falseAlarmsPer1000,
            long[] delays) {
        /** The median detection delay in steps (nearest rank, the lower middle for an even count); NaN: none. */
        public double medianDelay() {
            return percentile(0.5);
        }

        /** The 90th percentile of the detection delay in steps (nearest rank); NaN when nothing was detected. */
        public double p90Delay() {
            return percentile(0.9);
        }

        private double percentile(double q) {
            if (delays.length == 0) return Double.NaN;
            int rank = (int) Math.ceil(q * delays.length);
            return delays[Math.max(rank, 1) - 1];
        }
    }

    /**
     * The detection table of {@code runs} grouped as {@code table} groups them.
     *
     * @param window each run's detection window w in steps (its {@code metrics.detection-window})
     * @throws IllegalStateException when a run's stored detections disagree with its stored switch and reset steps
     *                               under its window (a store written by other matching rules)
     */
    public static DetectionTable of(ConditionTable table, List<StoredRun> runs, ToLongFunction<StoredRun> window) {
        Map<String, List<StoredRun>> byCondition = new LinkedHashMap<>();
        for (StoredRun r : runs) {
            byCondition
                    .computeIfAbsent(r.result().conditionId(), k -> new ArrayList<>())
                    .add(r);
        }
        List<Row> rows = new ArrayList<>();
        for (ConditionStats c : table.conditions()) {
            List<StoredRun> mine = byCondition.getOrDefault(c.conditionId(), List.of());
            double switches = 0;
            double hitRateSum = 0;
            int withSwitches = 0;
            double faSum = 0;
            int withSteps = 0;
            List<long[]> delays = new ArrayList<>();
            int delayCount = 0;
            for (StoredRun r : mine) {
                RunMetrics m = r.result().metrics();
                Detections d = m.detectionsWithin(window.applyAsLong(r));
                if (d.hits() != m.detections() || d.falseAlarms() != m.falseAlarms()) {
                    throw new IllegalStateException("run " + r.result().runId() + ": its stored detections ("
                            + m.detections() + " hits, " + m.falseAlarms() + " false alarms) do not match its stored "
                            + "switch and reset steps (" + d.hits() + ", " + d.falseAlarms() + ")");
                }
                switches += m.switchSteps().length;
                if (m.switchSteps().length > 0) {
                    hitRateSum += (double) d.hits() / m.switchSteps().length;
                    withSwitches++;
                }
                if (m.steps() > 0) {
                    faSum += d.falseAlarmsPer1000(m.steps());
                    withSteps++;
                }
                delays.add(d.delays());
                delayCount += d.delays().length;
            }
            long[] pooled = new long[delayCount];
            int at = 0;
            for (long[] ds : delays) {
                System.arraycopy(ds, 0, pooled, at, ds.length);
                at += ds.length;
            }
            Arrays.sort(pooled);
            rows.add(new Row(
                    c,
                    mine.size(),
                    mine.isEmpty() ? Double.NaN : switches / mine.size(),
                    withSwitches == 0 ? Double.NaN : hitRateSum / withSwitches,
                    withSteps == 0 ? Double.NaN : faSum / withSteps,
                    pooled));
        }
        return new DetectionTable(List.copyOf(rows));
    }
}
