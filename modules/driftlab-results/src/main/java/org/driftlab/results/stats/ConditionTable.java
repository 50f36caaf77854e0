package org.driftlab.results.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.driftlab.results.store.ParamColumn;
import org.driftlab.results.store.StoredRun;

/**
 * The per-condition statistics of a set of stored runs, conditions ordered by their swept values in column
 * order (numbers ascending, text lexicographic, missing first), then by condition id: a deterministic order
 * whatever order the runs arrived in.
 */
public record ConditionTable(List<ParamColumn> paramColumns, List<ConditionStats> conditions) {
    public ConditionTable {
        paramColumns = List.copyOf(paramColumns);
        conditions = List.copyOf(conditions);
    }

    /** Groups {@code runs} by condition id and summarises each group. */
    public static ConditionTable of(List<StoredRun> runs, List<ParamColumn> paramColumns) {
        Map<String, ConditionAccumulator> acc = new TreeMap<>();
        Map<String, Map<String, Object>> params = new TreeMap<>();
        for (StoredRun r : runs) {
            String id = r.result().conditionId();
            acc.computeIfAbsent(id, k -> new ConditionAccumulator()).add(r.result());
            params.computeIfAbsent(id, k -> new LinkedHashMap<>()).putAll(r.params());
        }
        List<ConditionStats> out = new ArrayList<>();
        for (Map.Entry<String, ConditionAccumulator> e : acc.entrySet()) {
            out.add(e.getValue().summary(e.getKey(), ordered(params.get(e.getKey()), paramColumns)));
        }
        out.sort(order(paramColumns));
        return new ConditionTable(paramColumns, out);
    }

    /** Swept keys that have a value in at least one condition, in column order. */
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (ParamColumn p : paramColumns) {
            for (ConditionStats c : conditions) {
                if (c.params().containsKey(p.key())) {
                    keys.add(p.key());
                    break;
                }
            }
        }
        return keys;
    }

    /** The keys whose value differs between conditions (the ones that vary in this table), in column order. */
    public List<String> varyingKeys() {
        List<String> out = new ArrayList<>();
        for (String k : keys()) {
            if (distinctValues(k).size() > 1) out.add(k);
        }
        return out;
    }

    /** The distinct values of {@code key} over the conditions, in table order (missing values left out). */
    public List<Object> distinctValues(String key) {
        List<Object> out = new ArrayList<>();
        for (ConditionStats c : conditions) {
            Object v = c.params().get(key);
            if (v != null && !out.contains(v)) out.add(v);
        }
        return out;
    }

    private static Map<String, Object> ordered(Map<String, Object> values, List<ParamColumn> columns) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (ParamColumn p : columns) {
            if (values.containsKey(p.key())) out.put(p.key(), values.get(p.key()));
        }
        return out;
    }

    private static Comparator<ConditionStats> order(List<ParamColumn> columns) {
        Comparator<ConditionStats> cmp = (a, b) -> 0;
        for (ParamColumn p : columns) {
            cmp = cmp.thenComparing(c -> c.params().get(p.key()), ConditionTable::compareValues);
        }
        return cmp.thenComparing(ConditionStats::conditionId);
    }

    private static int compareValues(Object a, Object b) {
        if (a == null || b == null) return a == null ? (b == null ? 0 : -1) : 1;
        if (a instanceof Double x && b instanceof Double y) return Double.compare(x, y);
        if (a instanceof Double) return -1;
        if (b instanceof Double) return 1;
        return a.toString().compareTo(b.toString());
    }
}
