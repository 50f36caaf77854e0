package org.driftlab.results.stats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.driftlab.results.store.ConditionParams;
import org.driftlab.results.store.Metric;

/**
 * The statistics of one condition: its id and swept values by key in sweep order (a Long, Double, Boolean or
 * String, or for a swept block a map of the fields that tell it apart, "type" first: see
 * {@link ConditionTable}), the number of runs and of diverged runs (left out of everything else), the number of steps of its runs (for
 * placing bins on a step axis), a {@link Summary} per metric over the runs that did not diverge, the median of
 * each metric over all runs with diverged ones as +∞, and mean curves with 95% bands.
 */
public record ConditionStats(
        String conditionId,
        Map<String, Object> params,
        long runs,
        long divergedRuns,
        long steps,
        Map<Metric, Summary> metrics,
        Map<Metric, Double> medianAll,
        CurveSummary binnedLoss,
        CurveSummary binnedExcess,
        CurveSummary alignedExcess) {
    public ConditionStats {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        medianAll = Collections.unmodifiableMap(new LinkedHashMap<>(medianAll));
    }

    /**
     * The median of {@code metric} over every run, a diverged run counting as +∞: +∞ when at least half the
     * runs diverged; the median of the others when none did.
     */
    public double medianWithDiverged(Metric metric) {
        return medianAll.get(metric);
    }

    /** The summary of {@code metric}. */
    public Summary of(Metric metric) {
        return metrics.get(metric);
    }

    /** "key=value, …" over the given keys (all params when empty), for legends; the condition id when none. */
    public String label(Iterable<String> keys) {
        Map<String, Object> shown = new LinkedHashMap<>();
        for (String k : keys) {
            if (params.containsKey(k)) shown.put(k, params.get(k));
        }
        return shown.isEmpty() ? conditionId : label(shown);
    }

    /** "key=value, …" with each key's last segment, e.g. "hazard=0.01, reset=none". */
    public static String label(Map<String, Object> values) {
        StringJoiner j = new StringJoiner(", ");
        for (Map.Entry<String, Object> e : values.entrySet()) j.add(shortKey(e.getKey()) + "=" + render(e.getValue()));
        return j.toString();
    }

    /** The label over all swept values. */
    public String label() {
        return label(params.keySet());
    }

    /** The last segment of a config path ("stream.switching.hazard" → "hazard"), short enough for a legend. */
    public static String shortKey(String key) {
        int dot = key.lastIndexOf('.');
        return dot < 0 ? key : key.substring(dot + 1);
    }

    /**
     * A swept value as text: numbers without a needless ".0", a swept block (a map of its fields, "type"
     * first) as "type(field=value, …)".
     */
    public static String render(Object value) {
        if (value == null) return "—";
        if (value instanceof Double d) return ConditionParams.render(d);
        if (value instanceof Map<?, ?> block) {
            Object type = block.get("type");
            StringJoiner fields = new StringJoiner(", ");
            for (Map.Entry<?, ?> e : block.entrySet()) {
                if (!e.getKey().equals("type")) fields.add(e.getKey() + "=" + render(e.getValue()));
            }
            if (type == null) return "{" + fields + "}";
            return fields.length() == 0 ? render(type) : render(type) + "(" + fields + ")";
        }
        return value.toString();
    }
}
