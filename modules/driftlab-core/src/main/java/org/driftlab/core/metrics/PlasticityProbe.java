package org.driftlab.core.metrics;

import java.util.Arrays;

/**
 * The plasticity metrics of an MLP's hidden layer (DESIGN §8; Dohare et al. 2024): keeps the activations h of
 * the last N = {@code window} examples (a ring buffer, N × H) and, at the end of each bin of the loss curve,
 * records over those rows (fewer when fewer examples were seen):
 * <ul>
 *   <li>the effective rank of the rows × H matrix of activations ({@link EffectiveRank});</li>
 *   <li>the fraction of dead units: units whose activation was exactly 0 on every one of those examples
 *       (meaningful for relu; tanh, sigmoid and leaky-relu units are practically never exactly 0).</li>
 * </ul>
 * Bin b of a run of S planned steps and B bins holds the steps t with ⌊t·B/S⌋ = b; its values are taken after
 * its last step. Bins never completed (a diverged run, or S &lt; B) are NaN.
 *
 * <p>Allocation: buffers sized in the constructor; {@link #record} allocates nothing (the SVD at a bin end is
 * plain Java on a preallocated workspace). Confined to one learner.
 */
final class PlasticityProbe {
    private final int units;
    private final int window;
    private final int bins;
    private final long plannedSteps;
    private final double[] ring; // window × units, row r = one example
    private final double[] work; // column-major copy for the SVD
    private final double[] sigma;
    private final double[] effectiveRank;
    private final double[] deadFraction;
    private int filled;
    private int nextRow;

    PlasticityProbe(int units, int window, int bins, long plannedSteps) {
        if (units <= 0) throw new IllegalArgumentException("units must be > 0, got " + units);
        if (window <= 0) throw new IllegalArgumentException("activation window must be > 0, got " + window);
        this.units = units;
        this.window = window;
        this.bins = bins;
        this.plannedSteps = plannedSteps;
        this.ring = new double[Math.multiplyExact(window, units)];
        this.work = new double[ring.length];
        this.sigma = new double[units];
        this.effectiveRank = new double[bins];
        this.deadFraction = new double[bins];
        Arrays.fill(effectiveRank, Double.NaN);
        Arrays.fill(deadFraction, Double.NaN);
    }

    /** Records the activations {@code h} (length H, not modified) of completed step {@code step}. */
    void record(long step, double[] h) {
        System.arraycopy(h, 0, ring, nextRow * units, units);
        nextRow = nextRow + 1 == window ? 0 : nextRow + 1;
        if (filled < window) filled++;
        int bin = bin(step);
        if (step + 1 == plannedSteps || bin(step + 1) != bin) {
            effectiveRank[bin] = effectiveRank();
            deadFraction[bin] = (double) deadUnits() / units;
        }
    }

    private int bin(long step) {
        return (int) (step * (long) bins / plannedSteps);
    }

    /** Effective rank of the rows kept now. */
    double effectiveRank() {
        for (int r = 0; r < filled; r++) {
            for (int j = 0; j < units; j++) work[r + j * filled] = ring[r * units + j];
        }
        return EffectiveRank.of(work, filled, units, sigma);
    }

    /** Units whose activation is exactly 0 in every row kept now. */
    int deadUnits() {
        int dead = 0;
        for (int j = 0; j < units; j++) {
            boolean zero = true;
            for (int r = 0; r < filled && zero; r++) zero = ring[r * units + j] == 0.0;
            if (zero) dead++;
        }
        return dead;
    }

    double[] effectiveRankCurve() {
        return effectiveRank.clone();
    }

    double[] deadFractionCurve() {
        return deadFraction.clone();
    }

    void copyStateFrom(PlasticityProbe other) {
        if (other.units != units
                || other.window != window
                || other.bins != bins
                || other.plannedSteps != plannedSteps) {
            throw new IllegalArgumentException("cannot copy the state of a probe of another shape");
        }
        System.arraycopy(other.ring, 0, ring, 0, ring.length);
        System.arraycopy(other.effectiveRank, 0, effectiveRank, 0, bins);
        System.arraycopy(other.deadFraction, 0, deadFraction, 0, bins);
        filled = other.filled;
        nextRow = other.nextRow;
    }
}
