package org.driftlab.core.belief;

/**
 * Normal–Gamma model of a scalar (Murphy 2007, "Conjugate Bayesian analysis of the Gaussian distribution",
 * §3): μ | τ ~ N(μ0, 1/(κ0 τ)), τ ~ Gamma(α0, rate β0). Statistics of a run of r observations: its posterior
 * (μ_r, κ_r, α_r, β_r), updated by κ' = κ + 1, μ' = (κμ + x)/κ', α' = α + ½, β' = β + κ(x − μ)²/(2κ').
 * Predictive: Student-t with 2α_r degrees of freedom, location μ_r, scale² β_r(κ_r + 1)/(α_r κ_r).
 *
 * <p>The same model serves {@link NormalGammaModelSpec} (on x) and {@link LogNormalGammaModelSpec} (on
 * v = log|x|, with μ0 and β0 possibly set by {@link PriorCalibration}: μ0 = mean(v), β0 = α0 · var(v)).
 */
final class NormalGammaRunModel extends RunModel {
    private final boolean logAbs; // observe v = log|x| (the robust model) rather than x
    private final double kappa0;
    private final double alpha0;
    private final Double declaredMu0; // null: from the calibration
    private final Double declaredBeta0; // null: from the calibration
    private final PriorCalibration calibration; // null when the prior is fully declared
    private final double[] logGammaRatio; // [r] = log Γ(α_r + ½) − log Γ(α_r), α_r = α0 + r/2
    private double mu0;
    private double beta0;

    NormalGammaRunModel(NormalGammaModelSpec spec, int rMax) {
        this(false, spec.mu0(), spec.kappa0(), spec.alpha0(), spec.beta0(), 0, rMax);
    }

    NormalGammaRunModel(LogNormalGammaModelSpec spec, int rMax) {
        this(
                true,
                spec.mu0(),
                spec.kappa0(),
                spec.alpha0(),
                spec.beta0(),
                spec.calibrated() ? spec.calibration() : 0,
                rMax);
    }

    private NormalGammaRunModel(
            boolean logAbs, Double mu0, double kappa0, double alpha0, Double beta0, int calibration, int rMax) {
        super(1, 4, rMax);
        this.logAbs = logAbs;
        this.kappa0 = kappa0;
        this.alpha0 = alpha0;
        this.declaredMu0 = mu0;
        this.declaredBeta0 = beta0;
        this.calibration = calibration > 0 ? new PriorCalibration(calibration) : null;
        this.logGammaRatio = LogSpace.halfStepLogGammaRatios(alpha0, rMax);
        restartCalibration();
    }

    /** The value the model observes: x, or log|x| (0 taken as the smallest normal double). */
    private double value(double x) {
        return logAbs ? Math.log(Math.max(Math.abs(x), Double.MIN_NORMAL)) : x;
    }

    @Override
    void predictAndGrow(double[] x, int off, int n, int[] runLength, double[] logPi) {
        double[] s = stats;
        double xv = value(x[off]);
        for (int j = n - 1; j >= 0; j--) {
            int b = 4 * j;
            double mu = s[b], kappa = s[b + 1], alpha = s[b + 2], beta = s[b + 3];
            double diff = xv - mu;
            // ν σ² = 2β(κ + 1)/κ
            double nuSigma2 = 2 * beta * (kappa + 1) / kappa;
            logPi[j] = logGammaRatio[runLength[j]]
                    - 0.5 * Math.log(Math.PI * nuSigma2)
                    - (alpha + 0.5) * LogSpace.log1p(diff * diff / nuSigma2);
            double kappaNext = kappa + 1;
            s[b + 4] = (kappa * mu + xv) / kappaNext;
            s[b + 5] = kappaNext;
            s[b + 6] = alpha + 0.5;
            s[b + 7] = beta + kappa * diff * diff / (2 * kappaNext);
        }
        prior(0);
    }

    @Override
    void remove(int slot, double[] x, int off) {
        // inverse of the update: κ' = κ − 1, μ' = (κμ − x)/κ', β' = β − κ'(x − μ')²/(2κ)
        int b = 4 * slot;
        double xv = value(x[off]);
        double kappa = stats[b + 1];
        double kappaPrev = kappa - 1;
        double muPrev = (kappa * stats[b] - xv) / kappaPrev;
        double diff = xv - muPrev;
        stats[b] = muPrev;
        stats[b + 1] = kappaPrev;
        stats[b + 2] -= 0.5;
        stats[b + 3] -= kappaPrev * diff * diff / (2 * kappa);
    }

    @Override
    void prior(int slot) {
        int b = 4 * slot;
        stats[b] = mu0;
        stats[b + 1] = kappa0;
        stats[b + 2] = alpha0;
        stats[b + 3] = beta0;
    }

    @Override
    boolean calibrating() {
        return calibration != null && !calibration.done();
    }

    @Override
    void calibrate(double[] x, int off) {
        calibration.add(value(x[off]));
        if (!calibration.done()) return;
        if (declaredMu0 == null) mu0 = calibration.mean();
        // a calibration without spread has no scale: the smallest normal double keeps the predictive finite
        if (declaredBeta0 == null) beta0 = alpha0 * Math.max(calibration.variance(), Double.MIN_NORMAL);
    }

    @Override
    void restartCalibration() {
        mu0 = declaredMu0 == null ? Double.NaN : declaredMu0;
        beta0 = declaredBeta0 == null ? Double.NaN : declaredBeta0;
        if (calibration != null) calibration.restart();
    }

    @Override
    int meanWidth() {
        return 1;
    }

    @Override
    void copyStateFrom(RunModel other) {
        NormalGammaRunModel o = (NormalGammaRunModel) other;
        if (o.logAbs != logAbs
                || o.kappa0 != kappa0
                || o.alpha0 != alpha0
                || !java.util.Objects.equals(o.declaredMu0, declaredMu0)
                || !java.util.Objects.equals(o.declaredBeta0, declaredBeta0)
                || (o.calibration == null) != (calibration == null)) {
            throw new IllegalArgumentException("cannot copy between different normal-gamma priors");
        }
        super.copyStateFrom(other);
        mu0 = o.mu0;
        beta0 = o.beta0;
        if (calibration != null) calibration.copyFrom(o.calibration);
    }

    /** E[μ | run]: for the log model the location of log|x|. */
    @Override
    void addPosteriorMean(int slot, int runLength, double w, double[] out) {
        out[0] += w * stats[4 * slot];
    }
}
