package org.driftlab.results.stats;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Statistics of the n defined values of one metric in one condition (equations in the package docs).
 * {@code undefined} counts the NaN values left out. Fields are NaN where not defined (sd, se, CI for n &lt; 2).
 */
public record Summary(
        long n, long undefined, double mean, double sd, double se, double ciLow, double ciHigh, double median) {
    /** Half-width of the 95% interval, t₀.₉₇₅(n − 1)·se (NaN for n &lt; 2). */
    public double ciHalfWidth() {
        return (ciHigh - ciLow) / 2;
    }

    /**
     * The Student-t 97.5% quantile with {@code df} ≥ 1 degrees of freedom: the one Student-t of the tool
     * (Apache Commons Statistics), used by every interval and test.
     */
    public static double tQuantile975(long df) {
        return t(df).inverseCumulativeProbability(0.975);
    }

    /** The two-sided p-value of a Student-t statistic {@code t} with {@code df} ≥ 1 degrees of freedom. */
    public static double twoSidedP(double t, long df) {
        return 2 * t(df).survivalProbability(Math.abs(t));
    }

    private static TDistribution t(long df) {
        if (df < 1) throw new IllegalArgumentException("degrees of freedom must be >= 1, got " + df);
        return TDistribution.of(df);
    }
}
