package org.driftlab.results.stats;

import java.util.LinkedHashMap;
import java.util.Map;
import org.driftlab.core.sim.RunResult;
import org.driftlab.results.store.Metric;

/**
 * Mergeable accumulation of one condition's runs: every {@link Metric} and the binned loss, binned excess loss
 * and switch-aligned excess loss curves, over the runs that did not diverge; diverged runs are counted, and
 * enter the median of all runs as +∞ (the worst value), so that dropping them never makes a condition look better.
 * Any split of the runs over accumulators merged in any order gives the same {@link #summary}, bit for bit.
 * Not thread-safe; {@link #merge} modifies this only.
 */
public final class ConditionAccumulator {
    private final Map<Metric, Accumulator> metrics = new LinkedHashMap<>();
    private final CurveAccumulator binnedLoss = new CurveAccumulator();
    private final CurveAccumulator binnedExcess = new CurveAccumulator();
    private final CurveAccumulator alignedExcess = new CurveAccumulator();
    private long runs;
    private long divergedRuns;
    private long steps;

    public ConditionAccumulator() {
        for (Metric m : Metric.values()) metrics.put(m, new Accumulator());
    }

    /** Adds one run (not modified). Returns this. */
    public ConditionAccumulator add(RunResult r) {
        runs++;
        if (r.metrics().diverged()) {
            divergedRuns++;
            return this;
        }
        for (Metric m : Metric.values()) metrics.get(m).add(m.of(r));
        binnedLoss.add(r.metrics().binnedLoss());
        binnedExcess.add(r.metrics().binnedExcessLoss());
        alignedExcess.add(r.metrics().alignedExcessLoss());
        steps = Math.max(steps, r.metrics().steps());
        return this;
    }

    /** Folds {@code other} into this. Returns this. */
    public ConditionAccumulator merge(ConditionAccumulator other) {
        runs += other.runs;
        divergedRuns += other.divergedRuns;
        steps = Math.max(steps, other.steps);
        for (Metric m : Metric.values()) metrics.get(m).merge(other.metrics.get(m));
        binnedLoss.merge(other.binnedLoss);
        binnedExcess.merge(other.binnedExcess);
        alignedExcess.merge(other.alignedExcess);
        return this;
    }

    /** The values of {@code ok} and one +∞ per diverged run: a diverged run counts as the worst outcome. */
    private Accumulator withDiverged(Accumulator ok) {
        Accumulator all = new Accumulator().merge(ok);
        for (long i = 0; i < divergedRuns; i++) all.add(Double.POSITIVE_INFINITY);
        return all;
    }

    /** The statistics so far, labelled with {@code conditionId} and its swept values {@code params}. */
    public ConditionStats summary(String conditionId, Map<String, Object> params) {
        Map<Metric, Summary> s = new LinkedHashMap<>();
        Map<Metric, Double> medianAll = new LinkedHashMap<>();
        for (Metric m : Metric.values()) {
            s.put(m, metrics.get(m).summary());
            medianAll.put(
                    m,
                    divergedRuns == 0
                            ? s.get(m).median()
                            : withDiverged(metrics.get(m)).summary().median());
        }
        return new ConditionStats(
                conditionId,
                params,
                runs,
                divergedRuns,
                steps,
                s,
                medianAll,
                binnedLoss.summary(),
                binnedExcess.summary(),
                alignedExcess.summary());
    }
}
