package org.driftlab.results.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.driftlab.core.spec.ConditionLabels;
import org.driftlab.results.store.StoredRun;

/**
 * The per-condition statistics of a set of stored runs, labelled by the sweep's swept keys and ordered by
 * their values in key order (numbers ascending, text lexicographic, missing first), then by condition id: a
 * deterministic order whatever order the runs arrived in.
 *
 * <p>A swept key that names a leaf of the config (rule.lr) takes that leaf's typed value. One that names a
 * block (reset) takes the block's fields that tell its conditions apart: its type, and the fields whose values
 * differ between conditions of the same type (so a sweep over reset = [none, belief-threshold, oracle] reads
 * none, belief-threshold, oracle, and one over two thresholds reads belief-threshold(tau=0.3), …(tau=0.5)).
 */
public record ConditionTable(List<String> sweptKeys, List<ConditionStats> conditions) {
    public ConditionTable {
        sweptKeys = List.copyOf(sweptKeys);
        conditions = List.copyOf(conditions);
    }

    /** Groups {@code runs} by condition id and summarises each group, labelled by {@code sweptKeys}. */
    public static ConditionTable of(List<StoredRun> runs, List<String> sweptKeys) {
        Map<String, ConditionAccumulator> acc = new TreeMap<>();
        Map<String, Map<String, Object>> leaves = new TreeMap<>();
        for (StoredRun r : runs) {
            String id = r.result().conditionId();
            acc.computeIfAbsent(id, k -> new ConditionAccumulator()).add(r.result());
            leaves.computeIfAbsent(id, k -> new LinkedHashMap<>()).putAll(r.params());
        }
        Map<String, Map<String, Object>> swept = sweptValues(leaves, sweptKeys);
        List<ConditionStats> out = new ArrayList<>();
        for (Map.Entry<String, ConditionAccumulator> e : acc.entrySet()) {
            out.add(e.getValue().summary(e.getKey(), swept.get(e.getKey())));
        }
        out.sort(order(sweptKeys));
        return new ConditionTable(sweptKeys, out);
    }

    /** Each condition's value of each swept key (absent when it has none), as the class comment says. */
    private static Map<String, Map<String, Object>> sweptValues(
            Map<String, Map<String, Object>> leaves, List<String> keys) {
        Map<String, Map<String, Object>> out = new TreeMap<>();
        for (String id : leaves.keySet()) out.put(id, new LinkedHashMap<>());
        for (String key : keys) {
            Map<String, Map<String, Object>> blocks = new TreeMap<>();
            for (Map.Entry<String, Map<String, Object>> c : leaves.entrySet()) {
                Object leaf = c.getValue().get(key);
                if (leaf != null) {
                    out.get(c.getKey()).put(key, leaf);
                    continue;
                }
                Map<String, Object> block = new TreeMap<>();
                for (Map.Entry<String, Object> l : c.getValue().entrySet()) {
                    if (l.getKey().startsWith(key + "."))
                        block.put(l.getKey().substring(key.length() + 1), l.getValue());
                }
                if (!block.isEmpty()) blocks.put(c.getKey(), block);
            }
            for (Map.Entry<String, Map<String, Object>> b : blocks.entrySet()) {
                out.get(b.getKey()).put(key, distinguishing(b.getValue(), blocks.values()));
            }
        }
        return out;
    }

    /** {@code block}'s type and the fields that differ among the blocks of its type. */
    private static Map<String, Object> distinguishing(Map<String, Object> block, Iterable<Map<String, Object>> all) {
        Map<String, Object> out = new LinkedHashMap<>();
        Object type = block.get("type");
        if (type != null) out.put("type", type);
        for (Map.Entry<String, Object> f : block.entrySet()) {
            if (f.getKey().equals("type")) continue;
            for (Map<String, Object> other : all) {
                if (Objects.equals(other.get("type"), type) && !Objects.equals(other.get(f.getKey()), f.getValue())) {
                    out.put(f.getKey(), f.getValue());
                    break;
                }
            }
        }
        return out;
    }

    /** Swept keys that have a value in at least one condition, in sweep order. */
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (String k : sweptKeys) {
            for (ConditionStats c : conditions) {
                if (c.params().containsKey(k)) {
                    keys.add(k);
                    break;
                }
            }
        }
        return keys;
    }

    /**
     * The keys whose value differs between conditions (the ones that vary in this table), in sweep order; a
     * condition's label ({@link ConditionLabels}) names the condition rather than varying it, so it is not one.
     */
    public List<String> varyingKeys() {
        List<String> out = new ArrayList<>();
        for (String k : keys()) {
            if (!k.equals(ConditionLabels.KEY) && distinctValues(k).size() > 1) out.add(k);
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

    private static Comparator<ConditionStats> order(List<String> keys) {
        Comparator<ConditionStats> cmp = (a, b) -> 0;
        for (String k : keys) {
            cmp = cmp.thenComparing(c -> c.params().get(k), ConditionTable::compareValues);
        }
        return cmp.thenComparing(ConditionStats::conditionId);
    }

    static int compareValues(Object a, Object b) {
        if (a == null || b == null) return a == null ? (b == null ? 0 : -1) : 1;
        if (a instanceof Number x && b instanceof Number y) return Double.compare(x.doubleValue(), y.doubleValue());
        if (a instanceof Number) return -1;
        if (b instanceof Number) return 1;
        return ConditionStats.render(a).compareTo(ConditionStats.render(b));
    }
}
