package org.driftlab.results.stats;

/**
 * A condition's mean curve with its 95% confidence band, index by index: {@code mean[i]}, {@code ciLow[i]},
 * {@code ciHigh[i]} (NaN where fewer than two defined values) and {@code n[i]} values. Arrays are hand-offs
 * of equal length; the holder never modifies them.
 */
public record CurveSummary(double[] mean, double[] ciLow, double[] ciHigh, long[] n) {
    public CurveSummary {
        if (ciLow.length != mean.length || ciHigh.length != mean.length || n.length != mean.length) {
            throw new IllegalArgumentException("curve summary arrays differ in length: mean " + mean.length + ", ciLow "
                    + ciLow.length + ", ciHigh " + ciHigh.length + ", n " + n.length);
        }
    }

    /** The number of indices. */
    public int length() {
        return mean.length;
    }
}
