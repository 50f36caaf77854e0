package org.driftlab.core.belief;

/**
 * The conjugate observation model of {@link Bocpd}: per active run-length slot j the sufficient statistics
 * of that run's observations, {@code statsWidth()} doubles at {@code stats[j·statsWidth …]}, for at most
 * {@code rMax + 2} slots (the {@code rMax + 1} kept run lengths plus the one grown past the cap before it is
 * merged). All methods are allocation-free; arrays are sized in the constructor.
 */
abstract class RunModel {
    final int width;
    final int statsWidth;
    final int rMax;
    final double[] stats;

    RunModel(int width, int statsWidth, int rMax) {
        this.width = width;
        this.statsWidth = statsWidth;
        this.rMax = rMax;
        this.stats = new double[Math.multiplyExact(rMax + 2, statsWidth)];
    }

    /**
     * For slots j = 0 … n − 1 (run length {@code runLength[j]}, at most rMax): logPi[j] ← log π_r(x), the
     * log posterior predictive of x given that run's statistics; then the grown statistics (run ∪ {x}) move
     * to slot j + 1 and slot 0 gets the prior (an empty run). {@code x} and {@code runLength} not modified.
     */
    abstract void predictAndGrow(double[] x, int off, int n, int[] runLength, double[] logPi);

    /** Removes the observation {@code x[off …]} (one that the slot's run contains) from slot j's statistics. */
    abstract void remove(int slot, double[] x, int off);

    /** Length of the model's location vector (Gaussian: d; Normal–Gamma: 1; regression: p). */
    abstract int meanWidth();

    /** out[0 … meanWidth − 1] ← E[location | slot j's run] (the prior's mean for an empty run), added with weight w. */
    abstract void addPosteriorMean(int slot, int runLength, double w, double[] out);

    /** Slot {@code to} ← slot {@code from}. */
    final void copySlot(int from, int to) {
        System.arraycopy(stats, from * statsWidth, stats, to * statsWidth, statsWidth);
    }

    /** Slot 0 ← the prior. */
    abstract void prior(int slot);

    /** The whole state of another model of the same class and shape. */
    void copyStateFrom(RunModel other) {
        System.arraycopy(other.stats, 0, stats, 0, stats.length);
    }
}
