package org.driftlab.core.belief;

/**
 * The empirical-Bayes rule of the models whose prior scale is left open (DESIGN §6): the first {@code needed}
 * observations (after the model's transform) are consumed only to set the prior, then the recursion starts.
 * Keeps their count, mean and sum of squared deviations (Welford's update, stable for any offset). Mutable,
 * owned by one {@link RunModel}; allocation-free.
 */
final class PriorCalibration {
    private final int needed;
    private int seen;
    private double mean;
    private double m2;

    PriorCalibration(int needed) {
        if (needed <= 0) throw new IllegalArgumentException("calibration must be > 0 observations, got " + needed);
        this.needed = needed;
    }

    boolean done() {
        return seen >= needed;
    }

    void add(double v) {
        seen++;
        double delta = v - mean;
        mean += delta / seen;
        m2 += delta * (v - mean);
    }

    /** Mean of the calibration observations. */
    double mean() {
        return mean;
    }

    /** Mean square Σv²/n (the variance about 0). */
    double meanSquare() {
        return m2 / seen + mean * mean;
    }

    /** Variance about their mean, Σ(v − mean)²/n. */
    double variance() {
        return m2 / seen;
    }

    void restart() {
        seen = 0;
        mean = 0;
        m2 = 0;
    }

    void copyFrom(PriorCalibration other) {
        seen = other.seen;
        mean = other.mean;
        m2 = other.m2;
    }
}
