package org.driftlab.core.belief;

/**
 * The conjugate observation model of {@link Bocpd}: per active run-length slot j the sufficient statistics
 * of that run's observations, {@code statsWidth()} doubles at {@code stats[j·statsWidth …]}, for at most
 * {@code rMax + 2} slots (the {@code rMax + 1} kept run lengths plus the one grown past the cap before it is
 * merged). All methods are allocation-free except {@link #ensureSlots}.
 *
 * <p>Memory. {@code stats} is a grow-only buffer: it starts at {@value #INITIAL_SLOTS} slots and doubles (up
 * to rMax + 2) when {@link Bocpd} needs more. Pruning keeps few run lengths alive in practice, so sizing it at
 * rMax + 2 up front would hold mostly unused memory in every belief, most of a learner's heap when thousands
 * run at once (figures in docs/SCALE.md). Growth happens at most log₂(rMax) times per model and only while the number of
 * active slots reaches a new maximum. Slots at or past the active count are never read before they are
 * written, so the capacity does not affect any result.
 */
abstract class RunModel {
    /** Slots of the statistics buffer when built. */
    static final int INITIAL_SLOTS = 8;

    final int width;
    final int statsWidth;
    final int rMax;
    double[] stats;

    RunModel(int width, int statsWidth, int rMax) {
        this.width = width;
        this.statsWidth = statsWidth;
        this.rMax = rMax;
        this.stats = new double[Math.multiplyExact(Math.min(INITIAL_SLOTS, rMax + 2), statsWidth)];
    }

    /**
     * Makes room for slots 0 … {@code slots} − 1 ({@code slots} ≤ rMax + 2), keeping the existing slots'
     * contents; allocates only when the buffer grows (doubling, capped at rMax + 2 slots).
     */
    final void ensureSlots(int slots) {
        int have = stats.length / statsWidth;
        if (slots <= have) return;
        if (slots > rMax + 2)
            throw new IllegalArgumentException("at most " + (rMax + 2) + " slots, asked for " + slots);
        int grown = (int) Math.min((long) rMax + 2, Math.max(slots, 2L * have));
        stats = java.util.Arrays.copyOf(stats, Math.multiplyExact(grown, statsWidth));
    }

    /** Slots the statistics buffer holds now (grow-only; for tests and memory accounting). */
    final int slotCapacity() {
        return stats.length / statsWidth;
    }

    /**
     * For slots j = 0 … n − 1 (run length {@code runLength[j]}, at most rMax): logPi[j] ← log π_r(x), the
     * log posterior predictive of x given that run's statistics; then the grown statistics (run ∪ {x}) move
     * to slot j + 1 and slot 0 gets the prior (an empty run). {@code x} and {@code runLength} not modified.
     * Slots 0 … n must exist ({@link #ensureSlots}{@code (n + 1)}).
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

    /**
     * True while the model still consumes observations to set its prior ({@link PriorCalibration}); then
     * {@link Bocpd} hands them to {@link #calibrate} instead of the recursion. False for a declared prior.
     */
    boolean calibrating() {
        return false;
    }

    /** Consumes one calibration observation; once enough were seen the prior is set (slot 0 not touched). */
    void calibrate(double[] x, int off) {
        throw new IllegalStateException(getClass().getSimpleName() + " has a declared prior");
    }

    /** Forgets the calibration (the model as built); nothing for a declared prior. */
    void restartCalibration() {}

    /** The whole state of another model of the same class and shape. */
    void copyStateFrom(RunModel other) {
        // both buffers may hold stale slots past the active count; copying the other's whole buffer keeps
        // the twin exact whatever either capacity is (slots past the count are written before being read)
        ensureSlots(other.slotCapacity());
        System.arraycopy(other.stats, 0, stats, 0, other.stats.length);
    }
}
