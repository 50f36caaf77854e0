package org.driftlab.core.belief;

/**
 * The {@link VarianceChangeModelSpec} model: x | σ² ~ N(0, σ²), σ² ~ Inverse-Gamma(α0, β0). Statistics of a
 * run of r observations: its posterior (α_r, β_r) = (α0 + r/2, β0 + Σx²/2). Predictive: Student-t with 2α_r
 * degrees of freedom, location 0, scale² β_r/α_r:
 * log π_r(x) = log Γ(α_r + ½) − log Γ(α_r) − ½ log(2π β_r) − (α_r + ½) log(1 + x²/(2β_r)).
 * With beta0 left open, β0 is set by {@link PriorCalibration} (α0 · mean square).
 */
final class VarianceChangeRunModel extends RunModel {
    private final VarianceChangeModelSpec spec;
    private final double[] logGammaRatio; // [r] for α_r = α0 + r/2
    private final PriorCalibration calibration; // null when beta0 is declared
    private double beta0;

    VarianceChangeRunModel(VarianceChangeModelSpec spec, int rMax) {
        super(1, 2, rMax);
        this.spec = spec;
        this.logGammaRatio = LogSpace.halfStepLogGammaRatios(spec.alpha0(), rMax);
        this.calibration = spec.beta0() == null ? new PriorCalibration(spec.calibration()) : null;
        restartCalibration();
    }

    @Override
    void predictAndGrow(double[] x, int off, int n, int[] runLength, double[] logPi) {
        double[] s = stats;
        double xv = x[off];
        double half2 = 0.5 * xv * xv;
        for (int j = n - 1; j >= 0; j--) {
            int b = 2 * j;
            double alpha = s[b], beta = s[b + 1];
            logPi[j] = logGammaRatio[runLength[j]]
                    - 0.5 * Math.log(2 * Math.PI * beta)
                    - (alpha + 0.5) * LogSpace.log1p(half2 / beta);
            s[b + 2] = alpha + 0.5;
            s[b + 3] = beta + half2;
        }
        prior(0);
    }

    @Override
    void remove(int slot, double[] x, int off) {
        int b = 2 * slot;
        stats[b] -= 0.5;
        stats[b + 1] -= 0.5 * x[off] * x[off];
    }

    @Override
    void prior(int slot) {
        stats[2 * slot] = spec.alpha0();
        stats[2 * slot + 1] = beta0;
    }

    @Override
    boolean calibrating() {
        return calibration != null && !calibration.done();
    }

    @Override
    void calibrate(double[] x, int off) {
        calibration.add(x[off]);
        // a calibration of exact zeros has no scale: the smallest normal double keeps the predictive finite
        if (calibration.done()) beta0 = spec.alpha0() * Math.max(calibration.meanSquare(), Double.MIN_NORMAL);
    }

    @Override
    void restartCalibration() {
        if (calibration == null) {
            beta0 = spec.beta0();
        } else {
            calibration.restart();
            beta0 = Double.NaN;
        }
    }

    /**
     * The location is fixed at 0, so the value reported is the variance scale 1/E[1/σ² | run] = β/α (finite
     * for every run, unlike E[σ²], which is infinite while α ≤ 1).
     */
    @Override
    int meanWidth() {
        return 1;
    }

    @Override
    void addPosteriorMean(int slot, int runLength, double w, double[] out) {
        out[0] += w * stats[2 * slot + 1] / stats[2 * slot];
    }

    @Override
    void copyStateFrom(RunModel other) {
        VarianceChangeRunModel o = (VarianceChangeRunModel) other;
        if (!o.spec.equals(spec))
            throw new IllegalArgumentException("cannot copy between different variance-change priors");
        super.copyStateFrom(other);
        beta0 = o.beta0;
        if (calibration != null) calibration.copyFrom(o.calibration);
    }
}
