package org.driftlab.results.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.driftlab.core.sim.RunResult;
import org.driftlab.results.store.Metric;
import org.driftlab.results.store.StoredRun;

/**
 * The value of a swept parameter with the lowest mean of a metric, with a bootstrap interval over seeds: for
 * each line of the table (the conditions that share the values of the other varying keys), the seeds every
 * condition of the line has run are resampled with replacement {@code resamples} times (a seeded stream, so
 * the interval is reproducible); each resample's argmin of the per-condition means is one draw. The interval
 * is the 2.5% and 97.5% quantiles of the draws in the parameter's order; {@code share} is the fraction of draws
 * that chose {@code best}. A diverged run counts as +∞ (its condition cannot be best on a resample holding it);
 * an undefined value (NaN) is left out of its condition's mean.
 *
 * @param line the other varying keys' values of this line (empty when the key is the only one varying)
 */
public record BestValue(
        String key,
        Map<String, Object> line,
        Object best,
        Object low,
        Object high,
        double share,
        int seeds,
        int resamples) {
    /** The seed of the bootstrap's random stream: fixed, so a report is reproducible. */
    public static final long BOOTSTRAP_SEED = 20_241_207L;

    /** One result per line of {@code table} with at least two values of {@code key} and a seed they share. */
    public static List<BestValue> of(
            ConditionTable table, List<StoredRun> runs, String key, Metric metric, int resamples) {
        Map<String, Map<Integer, RunResult>> bySeed = new HashMap<>();
        for (StoredRun r : runs) {
            bySeed.computeIfAbsent(r.result().conditionId(), k -> new HashMap<>())
                    .put(r.result().seed(), r.result());
        }
        Map<Map<String, Object>, List<ConditionStats>> lines = new LinkedHashMap<>();
        for (ConditionStats c : table.conditions()) {
            if (!c.params().containsKey(key)) continue;
            Map<String, Object> line = new LinkedHashMap<>();
            for (String k : table.varyingKeys())
                if (!k.equals(key) && c.params().containsKey(k))
                    line.put(k, c.params().get(k));
            lines.computeIfAbsent(line, l -> new ArrayList<>()).add(c);
        }
        List<BestValue> out = new ArrayList<>();
        for (Map.Entry<Map<String, Object>, List<ConditionStats>> l : lines.entrySet()) {
            List<ConditionStats> cs = new ArrayList<>(l.getValue());
            cs.sort((a, b) ->
                    ConditionTable.compareValues(a.params().get(key), b.params().get(key)));
            if (cs.size() < 2) continue;
            TreeSet<Integer> shared = null;
            for (ConditionStats c : cs) {
                TreeSet<Integer> seeds = new TreeSet<>(
                        bySeed.getOrDefault(c.conditionId(), Map.of()).keySet());
                if (shared == null) shared = seeds;
                else shared.retainAll(seeds);
            }
            if (shared.isEmpty()) continue;
            double[][] v = new double[cs.size()][];
            for (int i = 0; i < cs.size(); i++) {
                Map<Integer, RunResult> runsOf = bySeed.get(cs.get(i).conditionId());
                v[i] = shared.stream()
                        .mapToDouble(s -> value(runsOf.get(s), metric))
                        .toArray();
            }
            out.add(bootstrap(key, l.getKey(), cs, v, resamples));
        }
        return out;
    }

    private static double value(RunResult r, Metric metric) {
        return r.metrics().diverged() ? Double.POSITIVE_INFINITY : metric.of(r);
    }

    private static BestValue bootstrap(
            String key, Map<String, Object> line, List<ConditionStats> cs, double[][] v, int resamples) {
        int n = v[0].length;
        int[] all = new int[n];
        for (int s = 0; s < n; s++) all[s] = s;
        int best = argmin(v, all);
        SplittableRandom rnd = new SplittableRandom(BOOTSTRAP_SEED);
        int[] chosen = new int[cs.size()];
        int[] sample = new int[n];
        for (int b = 0; b < resamples; b++) {
            for (int s = 0; s < n; s++) sample[s] = rnd.nextInt(n);
            int a = argmin(v, sample);
            if (a >= 0) chosen[a]++;
        }
        int drawn = 0;
        for (int c : chosen) drawn += c;
        int low = quantileIndex(chosen, drawn, 0.025);
        int high = quantileIndex(chosen, drawn, 0.975);
        Object none = null;
        return new BestValue(
                key,
                line,
                best < 0 ? none : cs.get(best).params().get(key),
                low < 0 ? none : cs.get(low).params().get(key),
                high < 0 ? none : cs.get(high).params().get(key),
                best < 0 || drawn == 0 ? Double.NaN : (double) chosen[best] / drawn,
                n,
                resamples);
    }

    /** The condition with the lowest mean over the seeds {@code sample} (first on ties); −1 when none is finite. */
    private static int argmin(double[][] v, int[] sample) {
        int best = -1;
        double bestMean = Double.POSITIVE_INFINITY;
        for (int c = 0; c < v.length; c++) {
            double sum = 0;
            int n = 0;
            for (int s : sample) {
                double x = v[c][s];
                if (Double.isNaN(x)) continue;
                sum += x;
                n++;
            }
            double mean = n == 0 ? Double.NaN : sum / n;
            if (mean < bestMean) {
                bestMean = mean;
                best = c;
            }
        }
        return best;
    }

    /** The first index whose cumulative share of draws reaches {@code q} (in the parameter's order). */
    private static int quantileIndex(int[] counts, int total, double q) {
        if (total == 0) return -1;
        long cumulative = 0;
        for (int i = 0; i < counts.length; i++) {
            cumulative += counts[i];
            if (cumulative >= q * total) return i;
        }
        return counts.length - 1;
    }
}
