package org.driftlab.results.stats;

import java.util.Arrays;

/**
 * Mergeable accumulator of one metric's values (package docs): it keeps the multiset of defined values (the
 * median needs it anyway) and computes every statistic from that multiset in sorted order, so any split of the
 * values over accumulators, merged in any order, gives bit-identical statistics. NaN values are counted as
 * undefined and otherwise ignored. Not thread-safe; {@link #add} amortises growth of the value buffer;
 * {@link #merge} modifies this, not the other accumulator.
 */
public final class Accumulator {
    private int n;
    private long undefined;
    private double[] values = new double[8];

    /** Adds one value (NaN counts as undefined). Returns this. */
    public Accumulator add(double x) {
        if (Double.isNaN(x)) {
            undefined++;
            return this;
        }
        if (n == values.length) values = Arrays.copyOf(values, 2 * n);
        values[n++] = x;
        return this;
    }

    /** Folds {@code other} into this (multiset union); {@code other} is not modified. Returns this. */
    public Accumulator merge(Accumulator other) {
        undefined += other.undefined;
        if (n + other.n > values.length) values = Arrays.copyOf(values, Math.max(n + other.n, 2 * values.length));
        System.arraycopy(other.values, 0, values, n, other.n);
        n += other.n;
        return this;
    }

    /** The number of defined values added. */
    public long count() {
        return n;
    }

    /**
     * The statistics of the values so far. Sorts a copy, then takes the mean with a compensated (Neumaier) sum
     * and M₂ by the corrected two-pass formula M₂ = Σdᵢ² − (Σdᵢ)²/n, dᵢ = xᵢ − x̄, both in sorted order.
     */
    public Summary summary() {
        if (n == 0)
            return new Summary(0, undefined, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        double[] x = Arrays.copyOf(values, n);
        Arrays.sort(x);
        int mid = n / 2;
        double median = n % 2 == 1 || x[mid - 1] == x[mid] ? x[mid] : x[mid - 1] + (x[mid] - x[mid - 1]) / 2;
        double mean = compensatedSum(x, 0) / n;
        if (n == 1) return new Summary(1, undefined, mean, Double.NaN, Double.NaN, Double.NaN, Double.NaN, median);
        double sumD = compensatedSum(x, mean);
        double[] sq = new double[n];
        for (int i = 0; i < n; i++) sq[i] = (x[i] - mean) * (x[i] - mean);
        double m2 = Math.max(0, compensatedSum(sq, 0) - sumD * sumD / n);
        double sd = Math.sqrt(m2 / (n - 1));
        double se = sd / Math.sqrt(n);
        double half = Summary.tQuantile975(n - 1L) * se;
        return new Summary(n, undefined, mean, sd, se, mean - half, mean + half, median);
    }

    /** Σ(xᵢ − shift) with Neumaier compensation, in array order. */
    private static double compensatedSum(double[] x, double shift) {
        double sum = 0;
        double c = 0;
        for (double xi : x) {
            double v = xi - shift;
            double t = sum + v;
            c += Math.abs(sum) >= Math.abs(v) ? (sum - t) + v : (v - t) + sum;
            sum = t;
        }
        return sum + c;
    }
}
