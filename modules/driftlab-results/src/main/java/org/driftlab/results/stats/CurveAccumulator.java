package org.driftlab.results.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Mergeable per-index accumulation of curves of possibly different lengths (index i summarises the runs whose
 * curve has an index i; NaN entries are undefined). Not thread-safe; {@link #merge} modifies this only.
 */
public final class CurveAccumulator {
    private final List<Accumulator> byIndex = new ArrayList<>();

    /** Adds one run's curve (not modified). Returns this. */
    public CurveAccumulator add(double[] curve) {
        grow(curve.length);
        for (int i = 0; i < curve.length; i++) byIndex.get(i).add(curve[i]);
        return this;
    }

    /** Folds {@code other} into this, index by index. Returns this. */
    public CurveAccumulator merge(CurveAccumulator other) {
        grow(other.byIndex.size());
        for (int i = 0; i < other.byIndex.size(); i++) byIndex.get(i).merge(other.byIndex.get(i));
        return this;
    }

    private void grow(int length) {
        while (byIndex.size() < length) byIndex.add(new Accumulator());
    }

    /** Mean and 95% band at every index so far. */
    public CurveSummary summary() {
        int len = byIndex.size();
        double[] mean = new double[len];
        double[] lo = new double[len];
        double[] hi = new double[len];
        long[] n = new long[len];
        for (int i = 0; i < len; i++) {
            Summary s = byIndex.get(i).summary();
            mean[i] = s.mean();
            lo[i] = s.ciLow();
            hi[i] = s.ciHigh();
            n[i] = s.n();
        }
        return new CurveSummary(mean, lo, hi, n);
    }
}
