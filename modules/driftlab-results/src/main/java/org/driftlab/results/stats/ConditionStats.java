package org.driftlab.results.stats;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.driftlab.results.store.Metric;

/**
 * The statistics of one condition: its id and swept values (Double or String by key, in column order), the
 * number of runs and of diverged runs (left out of everything else), the number of steps of its runs (for
 * placing bins on a step axis), a {@link Summary} per metric, and mean curves with 95% bands.
 */
public record ConditionStats(String conditionId, Map<String, Object> params, long runs, long divergedRuns, long steps,
                             Map<Metric, Summary> metrics, CurveSummary binnedLoss, CurveSummary binnedExcess,
                             CurveSummary alignedExcess) {
    public ConditionStats {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        metrics = Collections.unmodifiableMap(new EnumMap<>(metrics));
    }

    /** The summary of {@code metric}. */
    public Summary of(Metric metric) {
        return metrics.get(metric);
    }

    /** "key=value, …" over the given keys (all params when empty), for legends; the condition id when none. */
    public String label(Iterable<String> keys) {
        StringJoiner j = new StringJoiner(", ");
        for (String k : keys) {
            if (params.containsKey(k)) j.add(shortKey(k) + "=" + render(params.get(k)));
        }
        return j.length() == 0 ? conditionId : j.toString();
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

    /** A swept value as text: numbers without a needless ".0", JSON-quoted strings unquoted. */
    public static String render(Object value) {
        if (value == null) return "—";
        if (value instanceof Double d) {
            double v = d;
            if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
            return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toString();
        }
        String s = value.toString();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") && s.indexOf('"', 1) == s.length() - 1) {
            return s.substring(1, s.length() - 1);
        }
        if (s.startsWith("{") && s.endsWith("}")) return renderObject(s);
        return s;
    }

    /**
     * A swept block in canonical JSON ({"tau":0.5,"type":"belief-threshold"}) as "belief-threshold(tau=0.5)":
     * the type first, then its other fields, quotes dropped; nested values are kept as written.
     */
    private static String renderObject(String json) {
        String type = null;
        StringJoiner fields = new StringJoiner(", ");
        for (String member : topLevelMembers(json.substring(1, json.length() - 1))) {
            int colon = member.indexOf("\":");
            if (!member.startsWith("\"") || colon < 0) return json; // not canonical JSON: show it as it is
            String key = member.substring(1, colon);
            String v = member.substring(colon + 2);
            if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) v = v.substring(1, v.length() - 1);
            if (key.equals("type")) type = v;
            else fields.add(key + "=" + v.replace("\"", ""));
        }
        if (type == null) return "{" + fields + "}";
        return fields.length() == 0 ? type : type + "(" + fields + ")";
    }

    /** Splits the inside of a JSON object at the commas that are not nested in a value or a string. */
    private static java.util.List<String> topLevelMembers(String inside) {
        java.util.List<String> out = new java.util.ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < inside.length(); i++) {
            char ch = inside.charAt(i);
            if (ch == '"' && (i == 0 || inside.charAt(i - 1) != '\\')) quoted = !quoted;
            else if (!quoted && (ch == '{' || ch == '[')) depth++;
            else if (!quoted && (ch == '}' || ch == ']')) depth--;
            else if (!quoted && depth == 0 && ch == ',') {
                out.add(inside.substring(start, i));
                start = i + 1;
            }
        }
        if (start < inside.length()) out.add(inside.substring(start));
        return out;
    }
}
