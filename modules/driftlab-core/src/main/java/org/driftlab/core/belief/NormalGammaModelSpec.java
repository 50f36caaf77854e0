package org.driftlab.core.belief;

import org.driftlab.core.check.Require;

/**
 * Normal–Gamma model of a scalar series (unknown mean and precision): μ | τ ~ N(mu0, 1/(kappa0 τ)),
 * τ ~ Gamma(alpha0, rate beta0); the predictive is Student-t.
 */
public record NormalGammaModelSpec(double mu0, double kappa0, double alpha0, double beta0)
        implements ObservationModelSpec {
    public NormalGammaModelSpec {
        checkPrior(mu0, kappa0, alpha0, beta0);
    }

    /**
     * The Normal–Gamma prior's invariants, which {@link LogNormalGammaModelSpec} shares: mu0 finite, kappa0, alpha0
     * and beta0 &gt; 0; a null mu0 or beta0 (set from calibration data) is not checked.
     */
    static void checkPrior(Double mu0, double kappa0, double alpha0, Double beta0) {
        if (mu0 != null) Require.finite("mu0", mu0);
        Require.positive("kappa0", kappa0);
        Require.positive("alpha0", alpha0);
        if (beta0 != null) Require.positive("beta0", beta0);
    }

    /** The Normal–Gamma model on scalar evidence (width 1). */
    @Override
    public RunModel newModel(EvidenceInfo info, int maxRunLength) {
        info.requireScalar("normal-gamma");
        return new NormalGammaRunModel(this, maxRunLength);
    }
}
