package org.driftlab.core.belief;

/**
 * Normal–Gamma model of a scalar (Murphy 2007, "Conjugate Bayesian analysis of the Gaussian distribution",
 * §3): μ | τ ~ N(μ0, 1/(κ0 τ)), τ ~ Gamma(α0, rate β0). Statistics of a run of r observations: its posterior
 * (μ_r, κ_r, α_r, β_r), updated by κ' = κ + 1, μ' = (κμ + x)/κ', α' = α + ½, β' = β + κ(x − μ)²/(2κ').
 * Predictive: Student-t with 2α_r degrees of freedom, location μ_r, scale² β_r(κ_r + 1)/(α_r κ_r).
 */
final class NormalGammaRunModel extends RunModel {
    private final NormalGammaModelSpec spec;
    private final double[] logGammaRatio; // [r] = log Γ(α_r + ½) − log Γ(α_r), α_r = α0 + r/2

    NormalGammaRunModel(NormalGammaModelSpec spec, int rMax) {
        super(1, 4, rMax);
        this.spec = spec;
        this.logGammaRatio = new double[rMax + 1];
        for (int r = 0; r <= rMax; r++) {
            double a = spec.alpha0() + 0.5 * r;
            logGammaRatio[r] = LogSpace.logGamma(a + 0.5) - LogSpace.logGamma(a);
        }
    }

    @Override
    void predictAndGrow(double[] x, int off, int n, int[] runLength, double[] logPi) {
        double[] s = stats;
        double xv = x[off];
        for (int j = n - 1; j >= 0; j--) {
            int b = 4 * j;
            double mu = s[b], kappa = s[b + 1], alpha = s[b + 2], beta = s[b + 3];
            double diff = xv - mu;
            // ν σ² = 2β(κ + 1)/κ
            double nuSigma2 = 2 * beta * (kappa + 1) / kappa;
            logPi[j] = logGammaRatio[runLength[j]] - 0.5 * Math.log(Math.PI * nuSigma2)
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
        double xv = x[off];
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
        stats[b] = spec.mu0();
        stats[b + 1] = spec.kappa0();
        stats[b + 2] = spec.alpha0();
        stats[b + 3] = spec.beta0();
    }

    @Override int meanWidth() { return 1; }

    @Override
    void copyStateFrom(RunModel other) {
        if (!((NormalGammaRunModel) other).spec.equals(spec)) throw new IllegalArgumentException("cannot copy between different normal-gamma priors");
        super.copyStateFrom(other);
    }

    @Override
    void addPosteriorMean(int slot, int runLength, double w, double[] out) {
        out[0] += w * stats[4 * slot];
    }
}
