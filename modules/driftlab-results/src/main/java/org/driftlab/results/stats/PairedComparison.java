package org.driftlab.results.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.driftlab.core.sim.RunResult;
import org.driftlab.results.store.Metric;
import org.driftlab.results.store.StoredRun;

/**
 * Every condition of a table against a baseline condition on paired seeds (the same seed index gives both
 * conditions the same switches, noise and initial weights, so differences are paired). For each other
 * condition, over the seeds both have run: d_s = x_s(condition) − x_s(baseline); the mean d̄, the 95% interval
 * d̄ ± t₀.₉₇₅(n − 1)·s_d/√n and the two-sided paired-t p-value with n − 1 degrees of freedom, then the p-values
 * Holm-corrected across the rows that have one (family-wise error 5% over the table).
 *
 * <p>A pair where either run diverged has no difference to average: a row with such pairs reports how many,
 * gets no mean, interval or test (its remaining pairs would flatter it), and shows the median of d over all
 * pairs with a diverged run counting as +∞ (the condition's) or −∞ (the baseline's); both diverged counts as
 * a tie (0). Pairs whose metric is undefined (NaN) on either side are left out and counted.
 */
public record PairedComparison(Metric metric, String baselineId, List<Row> rows) {
    /**
     * One condition against the baseline: {@code pairs} seeds in common, of which {@code divergedPairs} have a
     * diverged run and {@code undefinedPairs} an undefined value; the statistics of d over the other pairs
     * ({@code difference}; NaN fields when there are diverged pairs or fewer than 2 pairs); the raw and
     * Holm-adjusted p-values (NaN when untested); the median of d with diverged runs as ±∞.
     */
    public record Row(
            ConditionStats condition,
            int pairs,
            int divergedPairs,
            int undefinedPairs,
            Summary difference,
            double p,
            double pHolm,
            double medianWithDiverged) {}

    public PairedComparison {
        rows = List.copyOf(rows);
    }

    /** Compares every condition of {@code table} but {@code baselineId} with it, in table order. */
    public static PairedComparison of(ConditionTable table, List<StoredRun> runs, String baselineId, Metric metric) {
        Map<String, Map<Integer, RunResult>> bySeed = new HashMap<>();
        for (StoredRun r : runs) {
            bySeed.computeIfAbsent(r.result().conditionId(), k -> new TreeMap<>())
                    .put(r.result().seed(), r.result());
        }
        Map<Integer, RunResult> base = bySeed.getOrDefault(baselineId, Map.of());
        List<Row> rows = new ArrayList<>();
        for (ConditionStats c : table.conditions()) {
            if (c.conditionId().equals(baselineId)) continue;
            rows.add(row(c, base, bySeed.getOrDefault(c.conditionId(), Map.of()), metric));
        }
        return new PairedComparison(metric, baselineId, holm(rows));
    }

    private static Row row(
            ConditionStats c, Map<Integer, RunResult> base, Map<Integer, RunResult> mine, Metric metric) {
        Accumulator d = new Accumulator();
        Accumulator withDiverged = new Accumulator();
        int pairs = 0;
        int diverged = 0;
        int undefined = 0;
        for (Map.Entry<Integer, RunResult> e : mine.entrySet()) {
            RunResult b = base.get(e.getKey());
            if (b == null) continue;
            pairs++;
            boolean cd = e.getValue().metrics().diverged();
            boolean bd = b.metrics().diverged();
            if (cd || bd) {
                diverged++;
                withDiverged.add(cd && bd ? 0 : cd ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY);
                continue;
            }
            double diff = metric.of(e.getValue()) - metric.of(b);
            if (Double.isNaN(diff)) {
                undefined++;
                continue;
            }
            d.add(diff);
            withDiverged.add(diff);
        }
        Summary s = d.summary();
        double p = Double.NaN;
        if (diverged == 0 && s.n() >= 2) {
            p = s.se() == 0 ? (s.mean() == 0 ? 1 : 0) : Summary.twoSidedP(s.mean() / s.se(), s.n() - 1);
        } else {
            s = new Summary(
                    s.n(), s.undefined(), Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Row(
                c,
                pairs,
                diverged,
                undefined,
                s,
                p,
                Double.NaN,
                withDiverged.summary().median());
    }

    /**
     * Holm's step-down adjustment over the rows with a p-value: sorted ascending p₍₁₎ ≤ … ≤ p₍ₘ₎,
     * p̃₍ᵢ₎ = max over j ≤ i of min(1, (m − j + 1)·p₍ⱼ₎). Rows keep their order.
     */
    static List<Row> holm(List<Row> rows) {
        Integer[] tested = java.util.stream.IntStream.range(0, rows.size())
                .filter(i -> !Double.isNaN(rows.get(i).p()))
                .boxed()
                .toArray(Integer[]::new);
        Arrays.sort(
                tested,
                Comparator.comparingDouble((Integer i) -> rows.get(i).p()).thenComparing(i -> i));
        double[] adjusted = new double[rows.size()];
        Arrays.fill(adjusted, Double.NaN);
        int m = tested.length;
        double running = 0;
        for (int j = 0; j < m; j++) {
            running =
                    Math.max(running, Math.min(1, (m - j) * rows.get(tested[j]).p()));
            adjusted[tested[j]] = running;
        }
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            out.add(new Row(
                    r.condition(),
                    r.pairs(),
                    r.divergedPairs(),
                    r.undefinedPairs(),
                    r.difference(),
                    r.p(),
                    adjusted[i],
                    r.medianWithDiverged()));
        }
        return out;
    }
}
